package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.TenantId;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the engine's enrollments and its edge memory: which entity is enrolled in which rule
 * ({@link EnrollmentState}), and the last result of each property-change trigger's condition.
 * They make the enrollment rules hold: once per entity by default, again only after a new
 * not-matching to matching edge, and never two running enrollments of one rule for one entity.
 * The default is in memory; a persistence adapter keeps them in the host's database so that they
 * hold across a restart and across the application nodes sharing the database.
 *
 * <p>Keys ({@link EnrollmentKey}) name the tenant, the rule and the entity by ids (no personal
 * data). Implementations must be thread-safe, and {@link #update(EnrollmentKey, UnaryOperator)}
 * atomic for a key, also across the nodes sharing the store.
 *
 * <pre>{@code
 * EnrollmentStore enrollments = EnrollmentStore.inMemory();
 * WorkflowEngine engine = WorkflowEngine.builder(crm).enrollmentStore(enrollments).build();
 * }</pre>
 */
public interface EnrollmentStore {
    /**
     * The state stored for a key.
     *
     * @param key the enrollment key
     * @return the state, or null if there is none
     */
    @Nullable EnrollmentState find(EnrollmentKey key);

    /**
     * Changes the state of a key atomically: the function gets the current state (null if there
     * is none) and returns the state to keep. Returning its argument, or null, leaves the key as
     * it is (a state is never removed). The function may be called more than once, for
     * example when another node changed the key meanwhile; it must have no effect but its result,
     * and the result of its last call is the one stored and returned.
     *
     * @param key the enrollment key
     * @param change from the current state to the next
     * @return the state now stored, or null if there is none
     */
    @Nullable EnrollmentState update(EnrollmentKey key, UnaryOperator<@Nullable EnrollmentState> change);

    /**
     * The ids of the rules that may hold an enrollment of the subject that is not armed: every rule
     * whose stored state for the subject is unarmed is in the set (it may hold more). The engine
     * asks it for an event's subject to arm only the rules it needs to. The set may be a live view;
     * the caller does not change it.
     *
     * @param tenant the tenant
     * @param subject the entity as {@code Type:value}
     * @return the rule ids, possibly empty
     */
    Set<String> unarmedRules(TenantId tenant, String subject);

    /**
     * Records the latest result of a property-change trigger's condition and returns the one
     * before, atomically for the key.
     *
     * @param key the enrollment key of the rule and entity
     * @param result the condition's result now
     * @return the result recorded before, or null if this is the first
     */
    @Nullable Boolean swapCondition(EnrollmentKey key, boolean result);

    /**
     * A new, empty, thread-safe in-memory store. Share one instance between engines to keep the
     * enrollments across an engine restart in tests.
     *
     * @return the store
     */
    static EnrollmentStore inMemory() {
        return new InMemoryEnrollmentStore();
    }
}
