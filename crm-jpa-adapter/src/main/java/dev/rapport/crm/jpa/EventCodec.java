package dev.rapport.crm.jpa;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.ActivityId;
import dev.rapport.crm.activity.TaskId;
import dev.rapport.crm.directory.TeamId;
import dev.rapport.crm.directory.TerritoryId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.EventId;
import dev.rapport.crm.field.CustomFieldSchemaId;
import dev.rapport.crm.governance.ConsentId;
import dev.rapport.crm.governance.TombstoneId;
import dev.rapport.crm.identity.MergeId;
import dev.rapport.crm.io.ExternalKeyId;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.marketing.CampaignId;
import dev.rapport.crm.marketing.CampaignMemberId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.SubscriptionId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.sales.PipelineId;
import dev.rapport.crm.sales.ProductId;
import dev.rapport.crm.service.TicketId;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes an event as the JSON payload of its outbox row and reads it back. The encoding follows
 * the event record's declared component types: ids as their values (tagged with their type where
 * the record declares only {@link EntityId}), times and decimals as canonical strings, enums by
 * name, sets sorted, nested records as objects. Reading constructs only the records of crm-core's
 * sealed {@link CrmEvent} hierarchy and the value types their components declare, never a class a
 * payload names.
 */
final class EventCodec {
    private static final Map<String, Class<? extends CrmEvent>> EVENTS = new HashMap<>();
    private static final Map<String, Class<? extends EntityId>> IDS = new HashMap<>();

    static {
        for (Class<?> type : CrmEvent.class.getPermittedSubclasses()) {
            EVENTS.put(type.getSimpleName(), type.asSubclass(CrmEvent.class));
        }
        for (Class<? extends EntityId> id : List.of(TenantId.class, EventId.class, ContactId.class, AccountId.class,
                LeadId.class, OpportunityId.class, PipelineId.class, ProductId.class, ActivityId.class, TaskId.class,
                TicketId.class, CampaignId.class, UserId.class, TeamId.class, TerritoryId.class, SubscriptionId.class,
                CustomFieldSchemaId.class, CampaignMemberId.class,
                ConsentId.class, TombstoneId.class,
                MergeId.class, ExternalKeyId.class)) {
            IDS.put(id.getSimpleName(), id);
        }
    }

    private EventCodec() {
    }

    static String encode(CrmEvent event) {
        return Json.write(encode(event, event.getClass()));
    }

    static CrmEvent decode(String eventType, String payload) {
        Class<? extends CrmEvent> type = EVENTS.get(eventType);
        if (type == null) {
            throw new IllegalStateException("the outbox holds an event of an unknown type: " + eventType);
        }
        return type.cast(decode(Json.read(payload), type));
    }

    private static @Nullable Object encode(@Nullable Object value, Type declared) {
        if (value == null) {
            return null;
        }
        if (value instanceof EntityId id) {
            if (declared == EntityId.class) {
                Map<String, @Nullable Object> tagged = new LinkedHashMap<>();
                tagged.put("type", id.getClass().getSimpleName());
                tagged.put("value", id.value());
                return tagged;
            }
            return id.value();
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Money money) {
            return Values.money(money);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Number || value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            Type element = elementType(declared);
            List<@Nullable Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(encode(item, element));
            }
            if (value instanceof Set<?>) {
                out.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            }
            return out;
        }
        if (value instanceof Record record) {
            Map<String, @Nullable Object> out = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    out.put(component.getName(), encode(component.getAccessor().invoke(record),
                            component.getGenericType()));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of an event", e);
                }
            }
            return out;
        }
        throw new IllegalStateException("an event component of an unsupported type: " + value.getClass().getName());
    }

    private static @Nullable Object decode(@Nullable Object json, Type declared) {
        Class<?> raw = raw(declared);
        if (json == null) {
            if (raw == boolean.class || raw == long.class || raw == int.class) {
                throw new IllegalStateException("the outbox payload lacks a value");
            }
            return null;
        }
        if (raw == String.class) {
            return Values.str(json);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Values.bool(json);
        }
        if (raw == long.class || raw == Long.class) {
            return Long.valueOf(Values.str(json));
        }
        if (raw == int.class || raw == Integer.class) {
            return Integer.valueOf(Values.str(json));
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal(Values.str(json));
        }
        if (raw == Instant.class) {
            return Instant.parse(Values.str(json));
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse(Values.str(json));
        }
        if (raw == Money.class) {
            return Values.moneyOf(json);
        }
        if (raw.isEnum()) {
            return enumConstant(raw, Values.str(json));
        }
        if (raw == EntityId.class) {
            Map<String, @Nullable Object> tagged = Json.object(json);
            return id(Values.str(tagged.get("type")), Values.str(tagged.get("value")));
        }
        if (EntityId.class.isAssignableFrom(raw) && raw.isRecord()) {
            return construct(raw, List.<@Nullable Object>of(Values.str(json)));
        }
        if (raw == List.class || raw == Set.class) {
            Type element = elementType(declared);
            List<@Nullable Object> items = new ArrayList<>();
            for (Object item : Json.array(json)) {
                items.add(decode(item, element));
            }
            return raw == List.class ? items : new LinkedHashSet<>(items);
        }
        if (raw.isRecord()) {
            Map<String, @Nullable Object> fields = Json.object(json);
            List<@Nullable Object> arguments = new ArrayList<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                arguments.add(decode(fields.get(component.getName()), component.getGenericType()));
            }
            return construct(raw, arguments);
        }
        throw new IllegalStateException("an event component of an unsupported type: " + raw.getName());
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException("an event component of an unsupported type: " + type);
    }

    private static Type elementType(Type declared) {
        if (declared instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static Object enumConstant(Class<?> type, String name) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalStateException("the outbox payload names an unknown constant of " + type.getSimpleName());
    }

    private static Object construct(Class<?> record, List<@Nullable Object> arguments) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            return canonical.newInstance(arguments.toArray());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the outbox payload does not make a valid " + record.getSimpleName(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + record.getSimpleName(), e);
        }
    }

    /** The name an id's type is stored under, beside its value, where a column may hold several id types. */
    static String idType(EntityId id) {
        String name = id.getClass().getSimpleName();
        if (IDS.get(name) != id.getClass()) {
            throw new IllegalArgumentException("an id of a type the JPA adapter does not store: " + name);
        }
        return name;
    }

    /** The id of a stored type name and value (see {@link #idType}). */
    static EntityId id(String type, String value) {
        Class<? extends EntityId> idType = IDS.get(type);
        if (idType == null) {
            throw new IllegalStateException("a row names an unknown id type: " + type);
        }
        return (EntityId) construct(idType, List.<@Nullable Object>of(value));
    }

    /** The sorted names of the known event types, for tests. */
    static Set<String> eventTypes() {
        return new TreeSet<>(EVENTS.keySet());
    }
}
