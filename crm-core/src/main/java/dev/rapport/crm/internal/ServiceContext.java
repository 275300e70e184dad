package dev.rapport.crm.internal;

import dev.rapport.crm.Actor;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.Directory;
import dev.rapport.crm.revenue.ExchangeRates;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.IdGenerator;
import dev.rapport.crm.spi.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every service of one {@code Crm} view shares: the store, the tenant, the clock, the id
 * generator, the actor, the directory, the exchange rates and the event dispatcher.
 * Internal: not API.
 */
public final class ServiceContext {
    private static final ThreadLocal<UnitOfWork> CURRENT = new ThreadLocal<>();

    private final CrmStore store;
    private final TenantId tenant;
    private final Clock clock;
    private final IdGenerator ids;
    private final Supplier<Actor> actor;
    private final Directory directory;
    private final ExchangeRates rates;
    private final EventDispatcher dispatcher;
    private final ConcurrentMap<Class<?>, Object> shared;

    /**
     * Creates a context.
     *
     * @param store the store
     * @param tenant the tenant
     * @param clock the clock
     * @param ids the id generator
     * @param actor the supplier of the current actor
     * @param directory the directory
     * @param rates the exchange rates
     * @param dispatcher the event dispatcher
     */
    public ServiceContext(CrmStore store, TenantId tenant, Clock clock, IdGenerator ids, Supplier<Actor> actor,
            Directory directory, ExchangeRates rates, EventDispatcher dispatcher) {
        this(store, tenant, clock, ids, actor, directory, rates, dispatcher, new ConcurrentHashMap<>());
    }

    private ServiceContext(CrmStore store, TenantId tenant, Clock clock, IdGenerator ids, Supplier<Actor> actor,
            Directory directory, ExchangeRates rates, EventDispatcher dispatcher,
            ConcurrentMap<Class<?>, Object> shared) {
        this.shared = shared;
        this.store = store;
        this.tenant = tenant;
        this.clock = clock;
        this.ids = ids;
        this.actor = actor;
        this.directory = directory;
        this.rates = rates;
        this.dispatcher = dispatcher;
    }

    /**
     * The same context for another tenant.
     *
     * @param other the tenant
     * @return the context
     */
    public ServiceContext forTenant(TenantId other) {
        return new ServiceContext(store, other, clock, ids, actor, directory, rates, dispatcher, shared);
    }

    /**
     * Runs a command atomically: all its writes are stored together or not at all, and its events
     * are published after the store committed. A command started inside another one on the same
     * thread joins it.
     *
     * @param work the command
     * @param <T> the result type
     * @return the result
     */
    public <T> T write(Function<UnitOfWork, T> work) {
        UnitOfWork outer = CURRENT.get();
        if (outer != null) {
            if (!outer.tenant().equals(tenant)) {
                throw new IllegalStateException("a command of one tenant cannot run inside a command of another");
            }
            return work.apply(outer);
        }
        Actor who = actor.get();
        Instant now = clock.instant();
        UnitOfWork[] done = new UnitOfWork[1];
        T result;
        try {
            result = store.write(tenant, tx -> {
                UnitOfWork uow = new UnitOfWork(this, tx, now, who);
                CURRENT.set(uow);
                T r = work.apply(uow);
                tx.append(List.copyOf(uow.events()));
                done[0] = uow;
                return r;
            });
        } finally {
            CURRENT.remove();
        }
        dispatcher.dispatch(done[0].events());
        return result;
    }

    /**
     * Runs a read-only query on a consistent view. Inside a command, it reads through the
     * command's transaction (seeing its writes).
     *
     * @param work the query
     * @param <T> the result type
     * @return the result
     */
    public <T> T read(Function<StoreTransaction, T> work) {
        UnitOfWork outer = CURRENT.get();
        if (outer != null && outer.tenant().equals(tenant)) {
            return work.apply(outer.tx());
        }
        return store.read(tenant, work);
    }

    /**
     * The tenant.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * The clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The id generator.
     *
     * @return the generator
     */
    public IdGenerator ids() {
        return ids;
    }

    /**
     * The directory of users, teams and territories.
     *
     * @return the directory
     */
    public Directory directory() {
        return directory;
    }

    /**
     * The exchange rates.
     *
     * @return the rates
     */
    public ExchangeRates rates() {
        return rates;
    }

    /**
     * The event dispatcher.
     *
     * @return the dispatcher
     */
    public EventDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * The store.
     *
     * @return the store
     */
    public CrmStore store() {
        return store;
    }

    /**
     * A component shared by every tenant view of one CRM (e.g. in-memory state such as
     * round-robin cursors), created on first use.
     *
     * @param type the component's type, its key
     * @param factory makes the component on first use
     * @param <T> the component type
     * @return the component
     */
    public <T> T shared(Class<T> type, Supplier<? extends T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }
}
