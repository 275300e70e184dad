package dev.rapport.crm.governance;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmAccessDeniedException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.internal.GovernanceSettings;
import dev.rapport.crm.internal.Records;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.internal.WriteInterceptor;
import dev.rapport.crm.spi.AccessPolicy;
import dev.rapport.crm.spi.AggregateStore;
import dev.rapport.crm.spi.StoreTransaction;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one place every stored change passes: it hands each command a view of the store
 * transaction whose aggregate stores audit every insert, update and delete with its field diffs,
 * refuse identifiers of erased people (tombstones) and writes the access policy forbids; and it
 * hands queries a view that redacts what the actor's roles may not see. Services need no code of
 * their own for any of this, and stores added later are covered as they appear, because the
 * views are made from the store ports' interfaces.
 */
final class Guard implements WriteInterceptor {
    /** Marks a command that erases a person: its changes are audited without values. */
    record Erasing(String reason) {
    }

    /** Marks a command run with the host's explicit new consent of an erased person. */
    record Reconsent(String evidence) {
    }

    /** The audit entries a command collected, written after it committed. */
    static final class Buffer {
        final List<AuditEntry> entries = new ArrayList<>();
        /** Records whose audit entries lose their values once the command committed (erasure). */
        final List<AuditSubject> scrub = new ArrayList<>();
        /** How many entries the scrub changed, known after commit. */
        int scrubbed;
    }

    private final GovernanceSettings settings;
    private final Tombstones tombstones;

    Guard(GovernanceSettings settings) {
        this.settings = settings;
        this.tombstones = new Tombstones(settings.secret());
    }

    GovernanceSettings settings() {
        return settings;
    }

    Tombstones tombstones() {
        return tombstones;
    }

    @Override
    public StoreTransaction begin(UnitOfWork uow, StoreTransaction tx) {
        uow.attribute(Buffer.class, new Buffer());
        return proxy(StoreTransaction.class, new TxHandler(tx, uow));
    }

    @Override
    public void committed(UnitOfWork uow) {
        Optional<Buffer> buffer = uow.attribute(Buffer.class);
        if (buffer.isEmpty()) {
            return;
        }
        record(uow, buffer.get());
        if (!buffer.get().scrub.isEmpty()) {
            buffer.get().scrubbed = settings.auditSink().erase(uow.tenant(), buffer.get().scrub);
        }
    }

    private void record(UnitOfWork uow, Buffer buffer) {
        if (buffer.entries.isEmpty()) {
            return;
        }
        boolean merge = uow.emitted().stream().anyMatch(Guard::isMerge);
        List<AuditEntry> entries = buffer.entries;
        if (merge) {
            entries = entries.stream().map(e -> e.action() == AuditAction.UPDATE || e.action() == AuditAction.DELETE
                    ? new AuditEntry(e.tenantId(), e.at(), e.actor(), AuditAction.MERGE, e.entityType(), e.entityId(),
                            e.changes(), e.action().name().toLowerCase(java.util.Locale.ROOT), e.erased())
                    : e).toList();
        }
        settings.auditSink().record(List.copyOf(entries));
    }

    /** Whether an event records a merge of duplicates (the identity area's merge events). */
    private static boolean isMerge(dev.rapport.crm.event.CrmEvent event) {
        return event.getClass().getSimpleName().endsWith("Merged");
    }

    @Override
    public StoreTransaction read(ServiceContext context, StoreTransaction tx) {
        if (settings.accessPolicy() instanceof AccessPolicy.AllowAll) {
            return tx;
        }
        Set<String> roles = settings.rolesOf(context.actor());
        return proxy(StoreTransaction.class, new ReadHandler(tx, roles));
    }

    /** The record with the fields the roles may not read left empty. */
    <T> T redact(T value, Set<String> roles) {
        if (!(value instanceof Aggregate<?> aggregate) || !(value instanceof Record)) {
            return value;
        }
        String type = Values.type(aggregate);
        Set<String> hidden = new LinkedHashSet<>();
        for (String field : Values.fields(value).keySet()) {
            if (!settings.accessPolicy().mayRead(roles, type, field)) {
                hidden.add(field);
            }
        }
        return hidden.isEmpty() ? value : Redaction.blank(value, type, hidden);
    }

    // ---- write side -------------------------------------------------------------------------

    private void beforeWrite(UnitOfWork uow, StoreTransaction raw, @Nullable Aggregate<?> before, Aggregate<?> after) {
        Erasing erasing = uow.attribute(Erasing.class).orElse(null);
        if (erasing != null) {
            return;
        }
        checkTombstones(uow, raw, before, after);
        if (settings.accessPolicy() instanceof AccessPolicy.AllowAll) {
            return; // every field may be written: no need to walk them
        }
        Map<String, @Nullable Object> old = before == null ? Map.of() : Values.fields(before);
        Set<String> roles = settings.rolesOf(uow.actor());
        String type = Values.type(after);
        for (Map.Entry<String, @Nullable Object> f : Values.fields(after).entrySet()) {
            boolean touched = before == null ? Values.present(f.getValue())
                    : !Objects.equals(old.get(f.getKey()), f.getValue());
            if (touched && !settings.accessPolicy().mayWrite(roles, type, f.getKey())) {
                settings.auditSink().record(List.of(new AuditEntry(uow.tenant(), uow.now(), uow.actor(),
                        AuditAction.ACCESS_DENIED, type, after.id().value(),
                        List.of(new FieldChange(f.getKey(), null, null)), "write refused", false)));
                throw new CrmAccessDeniedException(type, f.getKey(), true);
            }
        }
    }

    /** What an actor wrote back after a redacted read, with the fields it could not see kept as stored. */
    private Aggregate<?> keepHidden(UnitOfWork uow, Aggregate<?> before, Aggregate<?> after) {
        if (settings.accessPolicy() instanceof AccessPolicy.AllowAll || !(after instanceof Record)
                || before.getClass() != after.getClass() || uow.attribute(Erasing.class).isPresent()) {
            return after;
        }
        Set<String> roles = settings.rolesOf(uow.actor());
        String type = Values.type(after);
        Set<String> hidden = new LinkedHashSet<>();
        for (String field : Values.fields(after).keySet()) {
            if (!settings.accessPolicy().mayRead(roles, type, field)) {
                hidden.add(field);
            }
        }
        return hidden.isEmpty() ? after : Redaction.restore(after, before, hidden);
    }

    private void checkTombstones(UnitOfWork uow, StoreTransaction raw, @Nullable Aggregate<?> before,
            Aggregate<?> after) {
        Set<PersonalData.Identifier> added = new LinkedHashSet<>(PersonalData.identifiers(after));
        if (before != null) {
            added.removeAll(PersonalData.identifiers(before));
        }
        if (added.isEmpty()) {
            return;
        }
        TombstoneStore stored;
        try {
            stored = raw.tombstones();
        } catch (UnsupportedOperationException storeWithoutTombstones) {
            return; // a store that cannot keep tombstones has none to refuse by
        }
        for (PersonalData.Identifier id : added) {
            TombstoneId key = tombstones.id(id.kind(), id.value());
            if (stored.find(key).isPresent()) {
                if (uow.attribute(Reconsent.class).isEmpty()) {
                    throw new ErasedIdentityException(id.kind().field());
                }
                uow.tx().tombstones().delete(key);
            }
        }
    }

    private void audit(UnitOfWork uow, AuditAction action, @Nullable Aggregate<?> before, @Nullable Aggregate<?> after) {
        Aggregate<?> subject = after != null ? after : Objects.requireNonNull(before);
        boolean erasing = uow.attribute(Erasing.class).isPresent() && action != AuditAction.CREATE;
        // One walk over the components (an update's two records are of one type): a create or a
        // delete records the fields that are set, an update those that changed.
        List<FieldChange> changes = new ArrayList<>();
        for (Records.Reader c : Records.readers(subject.getClass())) {
            if (Values.BOOKKEEPING.contains(c.name())) {
                continue;
            }
            Object a = before == null ? null : c.read(before);
            Object b = after == null ? null : c.read(after);
            boolean changed = before == null ? Values.present(b)
                    : after == null ? Values.present(a) : !Objects.equals(a, b);
            if (changed && (a instanceof CustomFields || b instanceof CustomFields)) {
                customFieldChanges(c.name(), (CustomFields) a, (CustomFields) b, erasing, changes);
            } else if (changed) {
                changes.add(erasing ? new FieldChange(c.name(), null, null)
                        : FieldChange.ofStored(c.name(), a, b));
            }
        }
        String note = erasing ? uow.attribute(Erasing.class).map(Erasing::reason).orElse(null)
                : subject instanceof Tombstone ? uow.attribute(Reconsent.class).map(Reconsent::evidence).orElse(null)
                : null;
        uow.attribute(Buffer.class).ifPresent(b -> b.entries.add(new AuditEntry(uow.tenant(), uow.now(),
                uow.actor(), erasing ? AuditAction.ERASE : action, Values.type(subject), subject.id().value(),
                changes, note, erasing)));
    }

    /**
     * One change per custom field whose value changed, named {@code customFields.<key>}: the trail
     * says which field moved from what to what, and keeps only those values, not the whole set.
     */
    private static void customFieldChanges(String component, @Nullable CustomFields before,
            @Nullable CustomFields after, boolean erasing, List<FieldChange> changes) {
        Map<String, FieldValue> old = before == null ? Map.of() : before.asMap();
        Map<String, FieldValue> now = after == null ? Map.of() : after.asMap();
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            FieldValue a = old.get(key);
            FieldValue b = now.get(key);
            if (!Objects.equals(a, b)) {
                String field = component + "." + key;
                changes.add(erasing ? new FieldChange(field, null, null)
                        : FieldChange.ofStored(field, a, b));
            }
        }
    }

    // ---- proxies ----------------------------------------------------------------------------

    /**
     * The proxy class's constructor for each store port, found once: making a proxy through
     * {@link Proxy#newProxyInstance} looks the class up again on every call, and every command
     * makes a few.
     */
    private static final ClassValue<Constructor<?>> PROXIES = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            Object sample = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (p, m, a) -> null);
            try {
                Constructor<?> constructor = sample.getClass().getConstructor(InvocationHandler.class);
                accessible(constructor);
                return constructor;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("proxy class of " + type.getName() + " has no handler constructor", e);
            }
        }
    };

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        try {
            return type.cast(PROXIES.get(type).newInstance(handler));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a proxy of " + type.getName(), e);
        }
    }

    /**
     * Port methods made accessible once, by the method a proxy was called with: a reflective call
     * otherwise checks the caller's access every time, and the check's one-entry cache misses as
     * the calls move between stores.
     */
    private static final Map<Method, Method> CALLABLE = new java.util.concurrent.ConcurrentHashMap<>();

    private static Method callable(Method method) {
        Method m = CALLABLE.get(method);
        if (m == null) {
            m = CALLABLE.computeIfAbsent(method, found -> {
                accessible(found);
                return found;
            });
        }
        return m;
    }

    /** Skips the access check of later calls where the platform allows it (public members). */
    private static void accessible(java.lang.reflect.AccessibleObject member) {
        try {
            member.trySetAccessible();
        } catch (SecurityException e) {
            // keep the checked call
        }
    }

    private static @Nullable Object call(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return callable(method).invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Aggregate<?>> find(Object store, EntityId id) {
        return ((AggregateStore<EntityId, Aggregate<EntityId>>) store).find(id).map(a -> a);
    }

    private static boolean isStorePort(Method method) {
        return method.getReturnType().isInterface() && AggregateStore.class.isAssignableFrom(method.getReturnType());
    }

    private final class TxHandler implements InvocationHandler {
        private final StoreTransaction raw;
        private final UnitOfWork uow;
        private final Map<Method, Object> stores = new HashMap<>();

        TxHandler(StoreTransaction raw, UnitOfWork uow) {
            this.raw = raw;
            this.uow = uow;
        }

        @Override
        public @Nullable Object invoke(Object self, Method method, @Nullable Object[] args) throws Throwable {
            Object result = call(raw, method, args);
            if (result == null || !isStorePort(method)) {
                return result;
            }
            Object target = result;
            return stores.computeIfAbsent(method,
                    m -> proxy(m.getReturnType(), new StoreHandler(raw, uow, target)));
        }
    }

    private final class StoreHandler implements InvocationHandler {
        private final StoreTransaction raw;
        private final UnitOfWork uow;
        private final Object target;

        StoreHandler(StoreTransaction raw, UnitOfWork uow, Object target) {
            this.raw = raw;
            this.uow = uow;
            this.target = target;
        }

        @Override
        public @Nullable Object invoke(Object self, Method method, @Nullable Object[] args) throws Throwable {
            String name = method.getName();
            if (args != null && args.length == 1) {
                if (name.equals("insert") && args[0] instanceof Aggregate<?> a) {
                    beforeWrite(uow, raw, null, a);
                    Object r = call(target, method, args);
                    audit(uow, AuditAction.CREATE, null, a);
                    return r;
                }
                if (name.equals("update") && args[0] instanceof Aggregate<?> edited) {
                    Aggregate<?> before = find(target, edited.id()).orElse(null);
                    Aggregate<?> a = edited;
                    if (before != null) {
                        a = keepHidden(uow, before, edited);
                        beforeWrite(uow, raw, before, a);
                    }
                    Object r = call(target, method, new Object[] {a});
                    audit(uow, AuditAction.UPDATE, before, a);
                    return r;
                }
                if (name.equals("delete") && args[0] instanceof EntityId id) {
                    Aggregate<?> before = find(target, id).orElse(null);
                    Object r = call(target, method, args);
                    if (before != null && Boolean.TRUE.equals(r)) {
                        audit(uow, AuditAction.DELETE, before, null);
                    }
                    return r;
                }
            }
            return call(target, method, args);
        }
    }

    private final class ReadHandler implements InvocationHandler {
        private final StoreTransaction raw;
        private final Set<String> roles;
        private final Map<Method, Object> stores = new HashMap<>();

        ReadHandler(StoreTransaction raw, Set<String> roles) {
            this.raw = raw;
            this.roles = roles;
        }

        @Override
        public @Nullable Object invoke(Object self, Method method, @Nullable Object[] args) throws Throwable {
            Object result = call(raw, method, args);
            if (result == null || !isStorePort(method)) {
                return result;
            }
            Object target = result;
            return stores.computeIfAbsent(method, m -> proxy(m.getReturnType(), (p, sm, sargs) -> {
                Object r = call(target, sm, sargs);
                return redactResult(r);
            }));
        }

        private @Nullable Object redactResult(@Nullable Object r) {
            if (r instanceof Optional<?> o) {
                return o.map(v -> redact(v, roles));
            }
            if (r instanceof List<?> l) {
                return l.stream().map(v -> redact(v, roles)).toList();
            }
            if (r instanceof Page<?> p) {
                return new Page<>(p.items().stream().map(v -> redact(v, roles)).toList(), p.request(), p.total());
            }
            return r == null ? null : redact(r, roles);
        }
    }

    /** Who acts, for entries written outside a command. */
    static AuditEntry entry(ServiceContext context, Actor actor, AuditAction action, String type, String id,
            @Nullable String note) {
        return new AuditEntry(context.tenant(), context.clock().instant(), actor, action, type, id, List.of(), note,
                false);
    }
}
