package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.TenantId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory enrollment store: concurrent maps of states and of edges, and by tenant and
 * subject the rules whose state is unarmed. That index is changed inside the atomic update of the
 * state it follows (a rule's entry for a subject only ever under the lock of that one key), so a
 * rule is in it exactly while its state for the subject is unarmed; each subject's set is
 * immutable and replaced whole, and an emptied one is dropped.
 */
final class InMemoryEnrollmentStore implements EnrollmentStore {
    private final ConcurrentHashMap<String, EnrollmentState> states = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> edges = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> unarmed = new ConcurrentHashMap<>();

    @Override
    public @Nullable EnrollmentState find(String key) {
        return states.get(key);
    }

    @Override
    public @Nullable EnrollmentState update(String key, UnaryOperator<@Nullable EnrollmentState> change) {
        // A change that leaves the state as read (arming an armed or a missing enrollment, a refused
        // claim) is complete at that read: no lock is taken, as with a look-up.
        EnrollmentState seen = states.get(key);
        EnrollmentState wanted = change.apply(seen);
        if (wanted == null || wanted == seen) {
            return seen;
        }
        return states.compute(key, (k, current) -> {
            EnrollmentState next = change.apply(current);
            if (next == null || next == current) {
                return current;
            }
            if (next.subject() != null) {
                boolean wasUnarmed = current != null && !current.armed();
                if (!next.armed() && !wasUnarmed) {
                    unarmed.compute(subjectKey(next.tenantId(), next.subject()),
                            (sk, rules) -> with(rules, next.ruleId()));
                } else if (next.armed() && wasUnarmed) {
                    unarmed.computeIfPresent(subjectKey(next.tenantId(), next.subject()),
                            (sk, rules) -> without(rules, next.ruleId()));
                }
            }
            return next;
        });
    }

    @Override
    public Set<String> unarmedRules(TenantId tenant, String subject) {
        Set<String> rules = unarmed.get(subjectKey(tenant, subject));
        return rules != null ? rules : Set.of();
    }

    @Override
    public @Nullable Boolean swapCondition(String key, TenantId tenant, boolean result) {
        return edges.put(key, result);
    }

    /**
     * The set with one more rule. A subject rarely waits on more than a few rules, so its set is
     * an immutable one, replaced whole inside the map's atomic update: cheaper than a concurrent
     * set made and dropped each time a subject's first rule waits and its last is armed.
     */
    private static Set<String> with(@Nullable Set<String> rules, String rule) {
        if (rules == null) {
            return Set.of(rule);
        }
        if (rules.contains(rule)) {
            return rules;
        }
        String[] more = rules.toArray(new String[rules.size() + 1]);
        more[rules.size()] = rule;
        return Set.of(more);
    }

    /** The set without a rule, or null for none left (the map then drops the subject). */
    private static @Nullable Set<String> without(Set<String> rules, String rule) {
        if (!rules.contains(rule)) {
            return rules;
        }
        if (rules.size() == 1) {
            return null;
        }
        String[] fewer = new String[rules.size() - 1];
        int n = 0;
        for (String r : rules) {
            if (!r.equals(rule)) {
                fewer[n++] = r;
            }
        }
        return Set.of(fewer);
    }

    private static String subjectKey(TenantId tenant, String subject) {
        return tenant.value() + "|" + subject;
    }
}
