package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Delivers the events the JPA store wrote to the {@code rapport_outbox} table, after their
 * changes committed: in outbox order, at least once. Each call takes the oldest entries with a row
 * lock, hands them to the consumer one by one and removes them in the same transaction; if the
 * consumer throws, or the process dies before the commit, the entries stay and the next call
 * delivers them again. Consumers must therefore be idempotent (deduplicate by
 * {@link OutboxEntry#eventId()}). Two nodes calling at once deliver each entry once: the second
 * waits for the first's row locks and then takes what is left. One caller delivers in outbox
 * order; callers running at once each deliver their own batch in order.
 *
 * <pre>{@code
 * JpaOutbox outbox = JpaOutbox.on(emf);
 * int delivered = outbox.deliver(100, entry -> broker.send(entry.eventType(), entry.payload()));
 * }</pre>
 */
public final class JpaOutbox {
    private final Transactions transactions;

    private JpaOutbox(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * The outbox of the store on this entity manager factory.
     *
     * @param factory the factory of the persistence unit that holds the adapter's mapping file
     * @return the outbox
     */
    public static JpaOutbox on(EntityManagerFactory factory) {
        return new JpaOutbox(Transactions.owning(factory));
    }

    /**
     * The outbox delivered inside the host's transaction, on the entity manager the supplier
     * returns: the entries are removed when the host commits. When the consumer's own changes (the
     * workflow engine's steps through a joining {@link JpaCrmStore}, a joining
     * {@link JpaIdempotencyLedger} and {@link JpaTimerStore}) are made in that same transaction, an
     * entry's effects and its removal commit together, so each entry is acted on exactly once.
     *
     * <pre>{@code
     * transaction.begin();
     * JpaOutbox.joining(() -> em).deliver(100, entry -> engine.handle(entry.event()));
     * transaction.commit();
     * }</pre>
     *
     * @param current supplies the entity manager of the current transaction
     * @return the outbox
     */
    public static JpaOutbox joining(Supplier<EntityManager> current) {
        return new JpaOutbox(Transactions.joining(current));
    }

    /**
     * Delivers up to {@code limit} of the oldest entries, of every tenant, in one transaction.
     *
     * @param limit the most entries to deliver, at least 1
     * @param consumer receives each entry; an exception stops the delivery and keeps every entry of
     *     this call for the next one
     * @return how many entries were delivered and removed
     * @throws IllegalArgumentException if the limit is below 1
     */
    public int deliver(int limit, Consumer<OutboxEntry> consumer) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Objects.requireNonNull(consumer, "consumer");
        return transactions.run(em -> {
            List<OutboxEntity> rows = List.of();
            for (int attempt = 0; attempt < 10 && rows.isEmpty(); attempt++) {
                List<Long> oldest = em.createQuery("select o.seq from RapportOutboxEvent o order by o.seq",
                        Long.class).setMaxResults(limit).getResultList();
                if (oldest.isEmpty()) {
                    break;
                }
                // Locked without a row limit: not every provider writes FOR UPDATE with LIMIT in
                // the order every database accepts. Rows another caller took meanwhile are gone.
                rows = em.createQuery("select o from RapportOutboxEvent o where o.seq in :seqs order by o.seq",
                        OutboxEntity.class)
                        .setParameter("seqs", oldest)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList();
            }
            for (OutboxEntity row : rows) {
                consumer.accept(entry(row));
                em.remove(row);
            }
            return rows.size();
        });
    }

    /**
     * How many entries wait for delivery, of every tenant.
     *
     * @return the count
     */
    public long pending() {
        return transactions.read(em -> em.createQuery("select count(o) from RapportOutboxEvent o", Long.class)
                .getSingleResult());
    }

    private static OutboxEntry entry(OutboxEntity row) {
        Instant occurredAt = Instant.parse(Values.str(Json.object(Json.object(Json.read(row.payload))
                .get("meta")).get("occurredAt")));
        return new OutboxEntry(Objects.requireNonNull(row.seq), TenantId.of(row.tenantId), row.eventId,
                row.eventType, row.subjectId, occurredAt, row.payload);
    }
}
