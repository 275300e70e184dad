package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.CustomFieldSchemaId;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.Money;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type of crm-core's sealed hierarchy survives the outbox: written as JSON and read
 * back, it is equal to the event it was. The sample events are built from the records' declared
 * component types, so a new event type is covered the day it is added.
 */
class EventCodecTest {
    static Stream<Class<?>> eventTypes() {
        return Stream.of(CrmEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeReadsBackEqualFromItsPayload(Class<?> type) throws Exception {
        CrmEvent event = (CrmEvent) sample(type, Set.class);

        String payload = EventCodec.encode(event);
        CrmEvent back = EventCodec.decode(type.getSimpleName(), payload);

        assertThat(back).isEqualTo(event);
        assertThat(EventCodec.encode(back)).isEqualTo(payload);
    }

    @Test
    void anUnknownEventTypeIsRefusedByName() {
        assertThatThrownBy(() -> EventCodec.decode("java.lang.Runtime", "{}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown type");
    }

    @Test
    void anIdOfAnUnknownTypeIsRefused() throws Exception {
        Class<?> campaignMember = eventTypes().filter(t -> t.getSimpleName().equals("CampaignMemberAdded"))
                .findFirst().orElseThrow();
        String payload = EventCodec.encode((CrmEvent) sample(campaignMember, Set.class))
                .replace("\"type\":\"ContactId\"", "\"type\":\"SecretId\"");

        assertThatThrownBy(() -> EventCodec.decode("CampaignMemberAdded", payload))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown id type");
    }

    /** A valid value of a declared type; records are built from samples of their components. */
    private static Object sample(Type declared, Type context) throws Exception {
        Class<?> raw = declared instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) declared;
        if (raw == String.class) {
            return "proposal";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == long.class || raw == Long.class) {
            return 7L;
        }
        if (raw == int.class || raw == Integer.class) {
            return 3;
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-11-22T10:15:30.123456789Z");
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2027, 2, 28);
        }
        if (raw == Money.class) {
            return Money.of("12.50", "EUR");
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (raw == CustomFieldSchemaId.class) {
            return CustomFieldSchemaId.of(EntityType.CONTACT);
        }
        if (raw == EntityId.class) {
            return ContactId.of("c-9");
        }
        if (raw == List.class) {
            return List.<EntityId>of(ContactId.of("c-1"), AccountId.of("a-1"));
        }
        if (raw == Set.class) {
            return Set.of("title", "name");
        }
        if (EntityId.class.isAssignableFrom(raw)) {
            return raw.getDeclaredConstructor(String.class).newInstance("id-1");
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            List<Object> arguments = new ArrayList<>();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                arguments.add(sample(components[i].getGenericType(), raw));
            }
            return raw.getDeclaredConstructor(types).newInstance(arguments.toArray());
        }
        throw new IllegalStateException("no sample for " + declared + " in " + context);
    }
}
