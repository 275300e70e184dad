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
 * rule is in it exactly while its state for the subject is unarmed; an emptied set is dropped.
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
                    unarmed.compute(subjectKey(next.tenantId(), next.subject()), (sk, rules) -> {
                        Set<String> set = rules != null ? rules : ConcurrentHashMap.newKeySet();
                        set.add(next.ruleId());
                        return set;
                    });
                } else if (next.armed() && wasUnarmed) {
                    unarmed.computeIfPresent(subjectKey(next.tenantId(), next.subject()), (sk, rules) -> {
                        rules.remove(next.ruleId());
                        return rules.isEmpty() ? null : rules;
                    });
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

    private static String subjectKey(TenantId tenant, String subject) {
        return tenant.value() + "|" + subject;
    }
}
