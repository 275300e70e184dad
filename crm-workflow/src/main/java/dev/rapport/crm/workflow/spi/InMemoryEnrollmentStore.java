package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.TenantId;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory enrollment store. A subject's enrollments are kept together, by tenant and
 * subject: one look-up of a large map finds them, and a small map by rule id holds each state,
 * changed under the subject's lock. Beside them, the rules whose state for the subject is unarmed,
 * an immutable set replaced whole under the same lock, so a rule is in it exactly while its state
 * is unarmed and a reader needs no lock. Edge memory is a map of its own.
 */
final class InMemoryEnrollmentStore implements EnrollmentStore {
    private final ConcurrentHashMap<TenantId, ConcurrentHashMap<String, Subject>> tenants = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EnrollmentKey, Boolean> edges = new ConcurrentHashMap<>();

    /** One subject's enrollments in one tenant. */
    private static final class Subject {
        /** The states by rule id; guarded by this subject. */
        private final HashMap<String, EnrollmentState> byRule = new HashMap<>(4);
        /** The rules whose state is unarmed; replaced whole under the lock. */
        private volatile Set<String> unarmed = Set.of();
    }

    private @Nullable Subject subject(TenantId tenant, String subject) {
        ConcurrentHashMap<String, Subject> subjects = tenants.get(tenant);
        return subjects == null ? null : subjects.get(subject);
    }

    @Override
    public @Nullable EnrollmentState find(EnrollmentKey key) {
        Subject s = subject(key.tenant(), key.subject());
        if (s == null) {
            return null;
        }
        synchronized (s) {
            return s.byRule.get(key.ruleId());
        }
    }

    @Override
    public @Nullable EnrollmentState update(EnrollmentKey key, UnaryOperator<@Nullable EnrollmentState> change) {
        Subject s = subject(key.tenant(), key.subject());
        if (s == null) {
            // Nothing stored for the subject: a change that keeps nothing (arming a missing
            // enrollment) is complete without making room for it.
            EnrollmentState wanted = change.apply(null);
            if (wanted == null) {
                return null;
            }
            s = tenants.computeIfAbsent(key.tenant(), t -> new ConcurrentHashMap<>())
                    .computeIfAbsent(key.subject(), k -> new Subject());
        }
        synchronized (s) {
            EnrollmentState current = s.byRule.get(key.ruleId());
            EnrollmentState next = change.apply(current);
            if (next == null || next == current) {
                return current;
            }
            s.byRule.put(key.ruleId(), next);
            if (next.subject() != null) {
                boolean wasUnarmed = current != null && !current.armed();
                if (!next.armed() && !wasUnarmed) {
                    s.unarmed = with(s.unarmed, key.ruleId());
                } else if (next.armed() && wasUnarmed) {
                    s.unarmed = without(s.unarmed, key.ruleId());
                }
            }
            return next;
        }
    }

    @Override
    public Set<String> unarmedRules(TenantId tenant, String subject) {
        Subject s = subject(tenant, subject);
        return s == null ? Set.of() : s.unarmed;
    }

    @Override
    public @Nullable Boolean swapCondition(EnrollmentKey key, boolean result) {
        return edges.put(key, result);
    }

    /**
     * The set with one more rule. A subject rarely waits on more than a few rules, so its set is
     * an immutable one, replaced whole.
     */
    private static Set<String> with(Set<String> rules, String rule) {
        if (rules.contains(rule)) {
            return rules;
        }
        String[] more = rules.toArray(new String[rules.size() + 1]);
        more[rules.size()] = rule;
        return Set.of(more);
    }

    /** The set without a rule. */
    private static Set<String> without(Set<String> rules, String rule) {
        if (!rules.contains(rule)) {
            return rules;
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
}
