package dev.rapport.crm.identity;

import dev.rapport.crm.party.ExternalId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Applies {@link MatchRules} to two profiles, and names the blocking keys of a profile. */
final class Matcher {
    /** The outcome of a pair: its score and the rules that matched. */
    record Outcome(double score, List<RuleMatch> matched) {
    }

    private Matcher() {
    }

    /** The outcome if the two match under the rules, or null. */
    static @Nullable Outcome evaluate(MatchRules rules, Profile a, Profile b) {
        double sum = 0;
        int compared = 0;
        int failed = 0;
        List<RuleMatch> matched = new ArrayList<>();
        for (MatchRule rule : rules.rules()) {
            Double score = score(rule, a, b);
            boolean hit = score != null && matches(rule, score);
            if (score == null) {
                if (rules.blanks() == BlankPolicy.IGNORE) {
                    continue;
                }
                score = 0.0;
            }
            compared++;
            sum += score;
            if (hit) {
                matched.add(new RuleMatch(rule.name(), score));
            } else {
                failed++;
            }
        }
        boolean match = rules.combination() == MatchRules.Combination.ANY
                ? !matched.isEmpty()
                : !matched.isEmpty() && failed == 0;
        return match ? new Outcome(Math.min(1.0, sum / compared), List.copyOf(matched)) : null;
    }

    private static boolean matches(MatchRule rule, double score) {
        return rule instanceof MatchRule.FuzzyName f ? score >= f.threshold() : score >= 1.0;
    }

    /** The rule's score for the pair in [0, 1], or null when the rule is blank for it. */
    static @Nullable Double score(MatchRule rule, Profile a, Profile b) {
        if (rule instanceof MatchRule.Email e) {
            return overlap(e.ignorePlusAddressing() ? a.emailBases() : a.emails(),
                    e.ignorePlusAddressing() ? b.emailBases() : b.emails());
        } else if (rule instanceof MatchRule.Phone) {
            return overlap(a.phones(), b.phones());
        } else if (rule instanceof MatchRule.Domain d) {
            return overlap(companyDomains(d, a), companyDomains(d, b));
        } else if (rule instanceof MatchRule.FuzzyName) {
            return nameScore(a, b);
        } else if (rule instanceof MatchRule.External x) {
            return overlap(externalIds(x, a), externalIds(x, b));
        }
        throw new IllegalStateException("unknown rule " + rule.name());
    }

    private static @Nullable Double nameScore(Profile a, Profile b) {
        String na = a.name();
        String nb = b.name();
        if (na == null || nb == null) {
            return null;
        }
        if (a.person()) {
            if (a.scope() == null || b.scope() == null) {
                return null;
            }
            if (!a.scope().equals(b.scope())) {
                return 0.0;
            }
        }
        double best = JaroWinkler.similarity(na, nb);
        if (a.swappedName() != null) {
            best = Math.max(best, JaroWinkler.similarity(a.swappedName(), nb));
        }
        if (b.swappedName() != null) {
            best = Math.max(best, JaroWinkler.similarity(na, b.swappedName()));
        }
        return best;
    }

    private static @Nullable Double overlap(Set<?> a, Set<?> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        for (Object value : a) {
            if (b.contains(value)) {
                return 1.0;
            }
        }
        return 0.0;
    }

    static Set<String> companyDomains(MatchRule.Domain rule, Profile p) {
        Set<String> result = new HashSet<>();
        for (String d : p.domains()) {
            if (!rule.freeMailDomains().contains(d)) {
                result.add(d);
            }
        }
        return result;
    }

    static Set<ExternalId> externalIds(MatchRule.External rule, Profile p) {
        if (rule.system() == null) {
            return p.externalIds();
        }
        Set<ExternalId> result = new HashSet<>();
        for (ExternalId id : p.externalIds()) {
            if (id.system().equals(rule.system())) {
                result.add(id);
            }
        }
        return result;
    }

    /**
     * The blocking keys of a profile under the rules: two profiles that match share at least
     * one of them, except for pairs matched only through blanks ignored under ALL, which the
     * union over all rules covers too since every rule contributes keys.
     */
    static Set<Object> blockingKeys(MatchRules rules, Profile p) {
        Set<Object> keys = new HashSet<>();
        for (MatchRule rule : rules.rules()) {
            if (rule instanceof MatchRule.Email e) {
                for (String v : e.ignorePlusAddressing() ? p.emailBases() : p.emails()) {
                    keys.add(List.of("email", v));
                }
            } else if (rule instanceof MatchRule.Phone) {
                for (String v : p.phones()) {
                    keys.add(List.of("phone", v));
                }
            } else if (rule instanceof MatchRule.Domain d) {
                for (String v : companyDomains(d, p)) {
                    keys.add(List.of("domain", v));
                }
            } else if (rule instanceof MatchRule.FuzzyName) {
                if (p.person() && p.scope() != null) {
                    keys.add(List.of("account", p.scope().value()));
                } else if (!p.person() && p.name() != null) {
                    for (String token : Normalize.companyTokens(p.name())) {
                        keys.add(List.of("token", token));
                    }
                }
            } else if (rule instanceof MatchRule.External x) {
                for (ExternalId id : externalIds(x, p)) {
                    keys.add(List.of("external", id.system(), id.id()));
                }
            }
        }
        return keys;
    }
}
