package dev.rapport.crm.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.governance.FieldChange;
import dev.rapport.crm.revenue.Money;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Jackson module for Rapport's domain types: aggregates, commands, value objects and events
 * are written as plain JSON and read back equal. Registered through {@code META-INF/services}, so
 * {@code ObjectMapper.findAndRegisterModules()} finds it; it brings Jackson's Java time module.
 *
 * <p>How types look in JSON: typed ids and tenants as their text ({@code "acct-1"}), and where only
 * {@link EntityId} is declared (ids of mixed kinds) as {@code {"kind": "party.AccountId", "value":
 * "acct-1"}}; {@link Money}
 * as {@code {"amount": "12.50", "currency": "EUR"}} (the amount as text, exact); instants and
 * dates as ISO-8601 text; {@link FieldValue} as {@code {"type": "DATE", "value": "2026-01-31"}};
 * {@link CustomFields} as an object by field key; an audit {@link FieldChange} as {@code {"field":
 * "title", "oldValue": "Analyst", "newValue": "Countess"}}; events ({@link CrmEvent}) with a {@code "type"}
 * property naming the event ({@code "ContactCreated"}). Records are written with their components
 * only; derived accessors are not written.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();   // or .registerModule(new RapportModule())
 * String json = mapper.writeValueAsString(contact);
 * Contact same = mapper.readValue(json, Contact.class);
 * CrmEvent event = mapper.readValue(eventJson, CrmEvent.class);
 * }</pre>
 */
public final class RapportModule extends SimpleModule {
    private static final long serialVersionUID = 1L;
    private static final String DOMAIN_PACKAGE = "dev.rapport.crm.";

    /** Creates the module. */
    public RapportModule() {
        super("RapportModule", new Version(0, 1, 0, "SNAPSHOT", "dev.rapport", "crm-core"));
        addSerializer(Money.class, new MoneySerializer());
        addDeserializer(Money.class, new MoneyDeserializer());
        addSerializer(Instant.class, new ToText<>(Instant.class));
        addDeserializer(Instant.class, new FromText<>(Instant.class, Instant::parse));
        addSerializer(LocalDate.class, new ToText<>(LocalDate.class));
        addDeserializer(LocalDate.class, new FromText<>(LocalDate.class, LocalDate::parse));
        addSerializer(CustomFields.class, new CustomFieldsSerializer());
        addDeserializer(CustomFields.class, new CustomFieldsDeserializer());
        addSerializer(FieldValue.class, new FieldValueSerializer());
        addDeserializer(FieldValue.class, new FieldValueDeserializer());
        addSerializer(FieldChange.class, new FieldChangeSerializer());
        addDeserializer(FieldChange.class, new FieldChangeDeserializer());
        setMixInAnnotation(CrmEvent.class, EventMixin.class);
        List<NamedType> events = new ArrayList<>();
        for (Class<?> type : CrmEvent.class.getPermittedSubclasses()) {
            events.add(new NamedType(type, type.getSimpleName()));
        }
        registerSubtypes(events.toArray(new NamedType[0]));
    }

    @Override
    public String getModuleName() {
        return "RapportModule";
    }

    @Override
    public Object getTypeId() {
        return RapportModule.class.getName();
    }

    @Override
    public Iterable<? extends Module> getDependencies() {
        return List.of(new JavaTimeModule());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addSerializers(new IdSerializers());
        context.addDeserializers(new IdDeserializers());
        context.addKeyDeserializers(new IdKeyDeserializers());
        context.addBeanSerializerModifier(new RecordComponentsOnly());
    }

    /** Events carry their type's simple name in a {@code type} property. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    interface EventMixin {
    }

    private static boolean isId(Class<?> raw) {
        return EntityId.class.isAssignableFrom(raw) && raw.isRecord() && raw.getRecordComponents().length == 1
                && raw.getRecordComponents()[0].getType() == String.class;
    }

    /**
     * Writes a typed id as its text; where the declared type is only {@link EntityId} (a list of
     * ids of mixed kinds), as {@code {"kind": "party.AccountId", "value": "acct-1"}} so it reads back
     * as the same kind.
     */
    private static final class IdSerializer extends JsonSerializer<EntityId> implements ContextualSerializer {
        private final boolean typed;

        IdSerializer(boolean typed) {
            this.typed = typed;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider prov, BeanProperty property) {
            if (property == null) {
                return this;
            }
            JavaType declared = property.getType();
            boolean open = declared.getRawClass() == EntityId.class
                    || declared.getContentType() != null && declared.getContentType().getRawClass() == EntityId.class;
            return open == typed ? this : new IdSerializer(open);
        }

        @Override
        public void serialize(EntityId value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (!typed) {
                gen.writeString(value.value());
                return;
            }
            gen.writeStartObject();
            gen.writeStringField("kind", value.getClass().getName().substring(DOMAIN_PACKAGE.length()));
            gen.writeStringField("value", value.value());
            gen.writeEndObject();
        }
    }

    /** Reads an id whose kind is only known from the JSON: {@code {"kind": ..., "value": ...}}. */
    private static final class AnyIdDeserializer extends JsonDeserializer<EntityId> {
        @Override
        public EntityId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            JsonNode kind = node.get("kind");
            JsonNode value = node.get("value");
            if (kind == null || value == null || !kind.isTextual() || !value.isTextual()) {
                return (EntityId) ctxt.handleUnexpectedToken(EntityId.class, JsonToken.START_OBJECT, null,
                        "an id of any kind needs \"kind\" and \"value\"");
            }
            Class<?> type;
            try {
                // only Rapport's own id records can be named: nothing else is ever loaded or created
                type = Class.forName(DOMAIN_PACKAGE + kind.asText(), false, RapportModule.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                type = null;
            }
            if (type == null || !isId(type)) {
                return (EntityId) ctxt.handleWeirdStringValue(EntityId.class, kind.asText(), "is not a kind of id");
            }
            try {
                return (EntityId) newId(type, value.asText());
            } catch (CrmValidationException e) {
                return (EntityId) ctxt.handleWeirdStringValue(type, value.asText(), e.getMessage());
            }
        }
    }

    private static final class IdSerializers extends Serializers.Base {
        private static final IdSerializer ID = new IdSerializer(false);

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            return isId(type.getRawClass()) ? ID : null;
        }
    }

    private static Object newId(Class<?> raw, String text) {
        try {
            Constructor<?> constructor = raw.getDeclaredConstructor(String.class);
            return constructor.newInstance(text);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot create " + raw.getSimpleName(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + raw.getSimpleName(), e);
        }
    }

    /** Reads a typed id from its text through the record's constructor, which validates it. */
    private static final class IdDeserializer extends JsonDeserializer<Object> {
        private final Class<?> raw;

        IdDeserializer(Class<?> raw) {
            this.raw = raw;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(raw, p);
            }
            try {
                return newId(raw, p.getText());
            } catch (CrmValidationException e) {
                return ctxt.handleWeirdStringValue(raw, p.getText(), e.getMessage());
            }
        }
    }

    private static final class IdDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription beanDesc) {
            if (type.getRawClass() == EntityId.class) {
                return new AnyIdDeserializer();
            }
            return isId(type.getRawClass()) ? new IdDeserializer(type.getRawClass()) : null;
        }
    }

    private static final class IdKeyDeserializers implements KeyDeserializers {
        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (!isId(raw)) {
                return null;
            }
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext ctxt) {
                    return newId(raw, key);
                }
            };
        }
    }

    /** Writes records of the domain with their components only (no derived {@code isX()} accessors). */
    private static final class RecordComponentsOnly extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription beanDesc,
                List<BeanPropertyWriter> beanProperties) {
            Class<?> raw = beanDesc.getBeanClass();
            if (!raw.isRecord() || !raw.getName().startsWith(DOMAIN_PACKAGE)) {
                return beanProperties;
            }
            Set<String> components = java.util.Arrays.stream(raw.getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            List<BeanPropertyWriter> kept = new ArrayList<>();
            for (BeanPropertyWriter writer : beanProperties) {
                if (components.contains(writer.getName())) {
                    kept.add(writer);
                }
            }
            return kept;
        }
    }

    /** Writes a value as its {@code toString()} (ISO-8601 for java.time). */
    private static final class ToText<T> extends JsonSerializer<T> {
        private final Class<T> type;

        ToText(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Reads a value from text. */
    private static final class FromText<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final java.util.function.Function<String, T> parse;

        FromText(Class<T> type, java.util.function.Function<String, T> parse) {
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) ctxt.handleUnexpectedToken(type, p);
                return unexpected;
            }
            try {
                return parse.apply(p.getText());
            } catch (DateTimeParseException e) {
                @SuppressWarnings("unchecked")
                T weird = (T) ctxt.handleWeirdStringValue(type, p.getText(), "is not ISO-8601");
                return weird;
            }
        }
    }

    private static final class MoneySerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currencyCode());
            gen.writeEndObject();
        }
    }

    private static Money money(JsonNode node, DeserializationContext ctxt) throws IOException {
        JsonNode amount = node.get("amount");
        JsonNode currency = node.get("currency");
        if (amount == null || currency == null || !currency.isTextual()) {
            return (Money) ctxt.handleUnexpectedToken(Money.class, JsonToken.START_OBJECT, null,
                    "Money needs \"amount\" and \"currency\"");
        }
        BigDecimal value = amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.asText());
        return Money.of(value, currency.asText());
    }

    private static final class MoneyDeserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return money(p.readValueAsTree(), ctxt);
        }
    }

    private static final class FieldChangeSerializer extends JsonSerializer<FieldChange> {
        @Override
        public void serialize(FieldChange value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeStartObject();
            gen.writeStringField("field", value.field());
            gen.writeStringField("oldValue", value.oldValue());
            gen.writeStringField("newValue", value.newValue());
            gen.writeEndObject();
        }
    }

    private static final class FieldChangeDeserializer extends JsonDeserializer<FieldChange> {
        @Override
        public FieldChange deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            JsonNode field = node.get("field");
            if (field == null || !field.isTextual()) {
                return (FieldChange) ctxt.handleUnexpectedToken(FieldChange.class, JsonToken.START_OBJECT, null,
                        "FieldChange needs a \"field\"");
            }
            return new FieldChange(field.asText(), text(node.get("oldValue")), text(node.get("newValue")));
        }

        private static String text(JsonNode value) {
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    private static final class FieldValueSerializer extends JsonSerializer<FieldValue> {
        @Override
        public void serialize(FieldValue value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("type", value.type().name());
            gen.writeFieldName("value");
            if (value instanceof FieldValue.Text t) {
                gen.writeString(t.value());
            } else if (value instanceof FieldValue.Number n) {
                gen.writeNumber(n.value());
            } else if (value instanceof FieldValue.Decimal d) {
                gen.writeString(d.value().toPlainString());
            } else if (value instanceof FieldValue.Date d) {
                gen.writeString(d.value().toString());
            } else if (value instanceof FieldValue.Bool b) {
                gen.writeBoolean(b.value());
            } else if (value instanceof FieldValue.Choice c) {
                gen.writeString(c.option());
            } else if (value instanceof FieldValue.MoneyValue m) {
                serializers.defaultSerializeValue(m.value(), gen);
            } else {
                throw new IllegalStateException("unknown field value " + value.type());
            }
            gen.writeEndObject();
        }
    }

    private static FieldValue fieldValue(JsonNode node, DeserializationContext ctxt) throws IOException {
        JsonNode type = node.get("type");
        JsonNode value = node.get("value");
        if (type == null || value == null) {
            return (FieldValue) ctxt.handleUnexpectedToken(FieldValue.class, JsonToken.START_OBJECT, null,
                    "a field value needs \"type\" and \"value\"");
        }
        switch (type.asText()) {
            case "TEXT":
                return FieldValue.text(value.asText());
            case "NUMBER":
                return FieldValue.number(value.asLong());
            case "DECIMAL":
                return FieldValue.decimal(new BigDecimal(value.asText()));
            case "DATE":
                return FieldValue.date(LocalDate.parse(value.asText()));
            case "BOOLEAN":
                return FieldValue.bool(value.asBoolean());
            case "ENUM":
                return FieldValue.choice(value.asText());
            case "MONEY":
                return FieldValue.money(money(value, ctxt));
            default:
                return (FieldValue) ctxt.handleUnexpectedToken(FieldValue.class, JsonToken.VALUE_STRING, null,
                        "unknown field value type");
        }
    }

    private static final class FieldValueDeserializer extends JsonDeserializer<FieldValue> {
        @Override
        public FieldValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return fieldValue(p.readValueAsTree(), ctxt);
        }
    }

    private static final class CustomFieldsSerializer extends JsonSerializer<CustomFields> {
        private static final FieldValueSerializer VALUES = new FieldValueSerializer();

        @Override
        public void serialize(CustomFields value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeStartObject();
            for (Map.Entry<String, FieldValue> entry : value.asMap().entrySet()) {
                gen.writeFieldName(entry.getKey());
                VALUES.serialize(entry.getValue(), gen, serializers);
            }
            gen.writeEndObject();
        }
    }

    private static final class CustomFieldsDeserializer extends JsonDeserializer<CustomFields> {
        @Override
        public CustomFields deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            Map<String, FieldValue> values = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                values.put(entry.getKey(), fieldValue(entry.getValue(), ctxt));
            }
            return CustomFields.of(values);
        }
    }
}
