package dev.rapport.crm.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs work either in a resource-local transaction of its own or in the host's transaction on the
 * entity manager the host supplies: the two modes of the adapter's components.
 */
final class Transactions {
    private final @Nullable EntityManagerFactory factory;
    private final @Nullable Supplier<EntityManager> joined;

    private Transactions(@Nullable EntityManagerFactory factory, @Nullable Supplier<EntityManager> joined) {
        this.factory = factory;
        this.joined = joined;
    }

    static Transactions owning(EntityManagerFactory factory) {
        return new Transactions(Objects.requireNonNull(factory, "factory"), null);
    }

    static Transactions joining(Supplier<EntityManager> current) {
        return new Transactions(null, Objects.requireNonNull(current, "current"));
    }

    boolean owns() {
        return factory != null;
    }

    /** The factory: the owned one, or that of the host's current entity manager. */
    EntityManagerFactory factory() {
        return factory != null ? factory : Objects.requireNonNull(joined).get().getEntityManagerFactory();
    }

    /**
     * Runs the work. Owning: commits when it returns, rolls back when it throws. Joining: needs an
     * active transaction, flushes before returning, and marks a resource-local transaction
     * rollback-only when the work throws.
     */
    <T> T run(Function<EntityManager, T> work) {
        if (joined != null) {
            EntityManager em = joined.get();
            if (!em.isJoinedToTransaction()) {
                throw new IllegalStateException("this component joins the host's transactions, but none is active");
            }
            try {
                T result = work.apply(em);
                em.flush();
                return result;
            } catch (RuntimeException | Error e) {
                markRollbackOnly(em);
                throw e;
            }
        }
        EntityManager em = Objects.requireNonNull(factory).createEntityManager();
        try {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                T result = work.apply(em);
                transaction.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
                throw e;
            }
        } finally {
            em.close();
        }
    }

    /**
     * Runs the work like {@link #run}; an owned transaction that meets a persistence failure (a
     * race with another node on a new key) is run again, up to {@code attempts} times in all. A
     * joined transaction is the host's to retry, so its failure is thrown at once.
     */
    <T> T runRetried(Function<EntityManager, T> work, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return run(work);
            } catch (PersistenceException e) {
                if (!owns() || attempt >= attempts) {
                    throw e;
                }
            }
        }
    }

    /** Runs a read: owning, in a transaction that is rolled back; joining, on the host's entity manager. */
    <T> T read(Function<EntityManager, T> work) {
        if (joined != null) {
            return work.apply(joined.get());
        }
        EntityManager em = Objects.requireNonNull(factory).createEntityManager();
        try {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                return work.apply(em);
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        } finally {
            em.close();
        }
    }

    private static void markRollbackOnly(EntityManager em) {
        try {
            EntityTransaction transaction = em.getTransaction();
            if (transaction.isActive()) {
                transaction.setRollbackOnly();
            }
        } catch (IllegalStateException jtaOrShared) {
            // A JTA or framework-managed entity manager has no EntityTransaction: the host's
            // transaction manager rolls back on the exception the caller sees.
        }
    }
}
