package dev.rapport.crm.jpa;

import dev.rapport.crm.Actor;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.lifecycle.LifecycleTransition;
import dev.rapport.crm.party.PhoneNumber;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.SubscriptionChange;
import dev.rapport.crm.revenue.SubscriptionChangeKind;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.LineItem;
import dev.rapport.crm.sales.ProductId;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageChange;
import dev.rapport.crm.sales.StageRequirement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Converts the domain's value types to and from the columns and JSON text columns of the entities.
 * Everything here is exact: decimals and instants are written as their canonical strings.
 */
final class Values {
    private Values() {
    }

    // ---- columns ---------------------------------------------------------------------------

    /** The instant at microsecond precision, as a UTC timestamp: what a TIMESTAMP(6) column keeps. */
    static LocalDateTime column(Instant at) {
        return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static @Nullable LocalDateTime columnOrNull(@Nullable Instant at) {
        return at == null ? null : column(at);
    }

    /** The nanoseconds of the instant below the microsecond, which the timestamp column does not keep. */
    static int nanos(@Nullable Instant at) {
        return at == null ? 0 : at.getNano() % 1000;
    }

    static Instant instant(LocalDateTime column, int nanos) {
        return column.toInstant(ZoneOffset.UTC).plusNanos(nanos);
    }

    static @Nullable Instant instantOrNull(@Nullable LocalDateTime column, int nanos) {
        return column == null ? null : instant(column, nanos);
    }

    static @Nullable Money money(@Nullable BigDecimal amount, @Nullable String currency) {
        return amount == null || currency == null ? null : new Money(amount, Currency.getInstance(currency));
    }

    static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    static @Nullable String nameOrNull(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    // ---- lists -----------------------------------------------------------------------------

    static <T> String list(List<T> values, Function<T, @Nullable Object> each) {
        List<@Nullable Object> out = new ArrayList<>(values.size());
        for (T value : values) {
            out.add(each.apply(value));
        }
        return Json.write(out);
    }

    static <T> List<T> list(String json, Function<Map<String, @Nullable Object>, T> each) {
        List<T> out = new ArrayList<>();
        for (Object item : Json.array(Json.read(json))) {
            out.add(each.apply(Json.object(item)));
        }
        return out;
    }

    static String tags(Set<String> tags) {
        return Json.write(new ArrayList<>(tags));
    }

    static Set<String> tags(String json) {
        Set<String> out = new TreeSet<>();
        for (Object item : Json.array(Json.read(json))) {
            out.add(str(item));
        }
        return out;
    }

    // ---- fields of JSON objects --------------------------------------------------------------

    static String str(@Nullable Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalStateException("stored JSON lacks a required text value");
    }

    static @Nullable String strOrNull(@Nullable Object value) {
        return value == null ? null : str(value);
    }

    static boolean bool(@Nullable Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalStateException("stored JSON lacks a required boolean value");
    }

    static @Nullable String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static @Nullable BigDecimal decimalOrNull(@Nullable Object value) {
        return value == null ? null : new BigDecimal(str(value));
    }

    static @Nullable Map<String, @Nullable Object> money(@Nullable Money money) {
        if (money == null) {
            return null;
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("amount", money.amount().toPlainString());
        out.put("currency", money.currencyCode());
        return out;
    }

    static Money moneyOf(@Nullable Object json) {
        Map<String, @Nullable Object> m = Json.object(json);
        return new Money(new BigDecimal(str(m.get("amount"))), Currency.getInstance(str(m.get("currency"))));
    }

    static Map<String, @Nullable Object> actor(Actor actor) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("kind", actor.kind().name());
        out.put("id", actor.id());
        return out;
    }

    static Actor actorOf(@Nullable Object json) {
        Map<String, @Nullable Object> m = Json.object(json);
        return new Actor(Actor.Kind.valueOf(str(m.get("kind"))), str(m.get("id")));
    }

    // ---- custom fields ---------------------------------------------------------------------

    static String customFields(CustomFields fields) {
        Map<String, @Nullable Object> out = new TreeMap<>();
        fields.asMap().forEach((key, value) -> out.put(key, fieldValue(value)));
        return Json.write(out);
    }

    static CustomFields customFields(String json) {
        Map<String, FieldValue> values = new TreeMap<>();
        Json.object(Json.read(json)).forEach((key, value) -> values.put(key, fieldValueOf(value)));
        return CustomFields.of(values);
    }

    static @Nullable Map<String, @Nullable Object> fieldValue(@Nullable FieldValue value) {
        if (value == null) {
            return null;
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("type", value.type().name());
        if (value instanceof FieldValue.Text v) {
            out.put("value", v.value());
        } else if (value instanceof FieldValue.Number v) {
            out.put("value", Long.toString(v.value()));
        } else if (value instanceof FieldValue.Decimal v) {
            out.put("value", v.value().toPlainString());
        } else if (value instanceof FieldValue.Date v) {
            out.put("value", v.value().toString());
        } else if (value instanceof FieldValue.Bool v) {
            out.put("value", v.value());
        } else if (value instanceof FieldValue.Choice v) {
            out.put("value", v.option());
        } else if (value instanceof FieldValue.MoneyValue v) {
            out.put("value", money(v.value()));
        }
        return out;
    }

    static @Nullable FieldValue fieldValueOrNull(@Nullable Object json) {
        return json == null ? null : fieldValueOf(json);
    }

    static FieldValue fieldValueOf(@Nullable Object json) {
        Map<String, @Nullable Object> m = Json.object(json);
        Object v = m.get("value");
        return switch (FieldType.valueOf(str(m.get("type")))) {
            case TEXT -> FieldValue.text(str(v));
            case NUMBER -> FieldValue.number(Long.parseLong(str(v)));
            case DECIMAL -> FieldValue.decimal(new BigDecimal(str(v)));
            case DATE -> FieldValue.date(LocalDate.parse(str(v)));
            case BOOLEAN -> FieldValue.bool(bool(v));
            case ENUM -> FieldValue.choice(str(v));
            case MONEY -> FieldValue.money(moneyOf(v));
        };
    }

    static Map<String, @Nullable Object> fieldDefinition(FieldDefinition d) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("key", d.key());
        out.put("label", d.label());
        out.put("type", d.type().name());
        out.put("required", d.required());
        out.put("options", d.options());
        out.put("currency", d.currency() == null ? null : d.currency().getCurrencyCode());
        out.put("maxLength", d.maxLength() == null ? null : d.maxLength().toString());
        out.put("min", plain(d.min()));
        out.put("max", plain(d.max()));
        out.put("minDate", d.minDate() == null ? null : d.minDate().toString());
        out.put("maxDate", d.maxDate() == null ? null : d.maxDate().toString());
        out.put("defaultValue", fieldValue(d.defaultValue()));
        return out;
    }

    static FieldDefinition fieldDefinitionOf(Map<String, @Nullable Object> m) {
        List<String> options = new ArrayList<>();
        for (Object option : Json.array(m.get("options"))) {
            options.add(str(option));
        }
        String currency = strOrNull(m.get("currency"));
        String maxLength = strOrNull(m.get("maxLength"));
        String minDate = strOrNull(m.get("minDate"));
        String maxDate = strOrNull(m.get("maxDate"));
        return new FieldDefinition(str(m.get("key")), str(m.get("label")), FieldType.valueOf(str(m.get("type"))),
                bool(m.get("required")), options, currency == null ? null : Currency.getInstance(currency),
                maxLength == null ? null : Integer.valueOf(maxLength), decimalOrNull(m.get("min")),
                decimalOrNull(m.get("max")), minDate == null ? null : LocalDate.parse(minDate),
                maxDate == null ? null : LocalDate.parse(maxDate), fieldValueOrNull(m.get("defaultValue")));
    }

    // ---- party -----------------------------------------------------------------------------

    static Map<String, @Nullable Object> phone(PhoneNumber phone) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("value", phone.value());
        out.put("extension", phone.extension());
        return out;
    }

    static PhoneNumber phoneOf(Map<String, @Nullable Object> m) {
        return new PhoneNumber(str(m.get("value")), strOrNull(m.get("extension")));
    }

    static Map<String, @Nullable Object> transition(LifecycleTransition t) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("from", nameOrNull(t.from()));
        out.put("to", t.to().name());
        out.put("at", t.at().toString());
        out.put("actor", actor(t.actor()));
        out.put("override", t.override());
        out.put("reason", t.reason());
        return out;
    }

    static LifecycleTransition transitionOf(Map<String, @Nullable Object> m) {
        return new LifecycleTransition(enumOrNull(LifecycleStage.class, strOrNull(m.get("from"))),
                LifecycleStage.valueOf(str(m.get("to"))), Instant.parse(str(m.get("at"))), actorOf(m.get("actor")),
                bool(m.get("override")), strOrNull(m.get("reason")));
    }

    // ---- sales -----------------------------------------------------------------------------

    static Map<String, @Nullable Object> lineItem(LineItem item) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("productId", item.productId().value());
        out.put("quantity", item.quantity().toPlainString());
        out.put("unitPrice", money(item.unitPrice()));
        out.put("discountPercent", item.discountPercent().toPlainString());
        return out;
    }

    static LineItem lineItemOf(Map<String, @Nullable Object> m) {
        return new LineItem(ProductId.of(str(m.get("productId"))), new BigDecimal(str(m.get("quantity"))),
                moneyOf(m.get("unitPrice")), new BigDecimal(str(m.get("discountPercent"))));
    }

    static Map<String, @Nullable Object> stageChange(StageChange change) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("from", change.from());
        out.put("to", change.to());
        out.put("at", change.at().toString());
        out.put("actor", actor(change.actor()));
        return out;
    }

    static StageChange stageChangeOf(Map<String, @Nullable Object> m) {
        return new StageChange(strOrNull(m.get("from")), str(m.get("to")), Instant.parse(str(m.get("at"))),
                actorOf(m.get("actor")));
    }

    static Map<String, @Nullable Object> stage(Stage stage) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("key", stage.key());
        out.put("name", stage.name());
        out.put("order", Integer.toString(stage.order()));
        out.put("probability", stage.probability().toPlainString());
        out.put("forecastCategory", stage.forecastCategory().name());
        out.put("closed", stage.closed());
        out.put("won", stage.won());
        List<@Nullable Object> requirements = new ArrayList<>();
        for (StageRequirement requirement : stage.requirements()) {
            requirements.add(requirement.key());
        }
        out.put("requirements", requirements);
        return out;
    }

    static Stage stageOf(Map<String, @Nullable Object> m, Function<String, StageRequirement> requirements) {
        List<StageRequirement> required = new ArrayList<>();
        for (Object key : Json.array(m.get("requirements"))) {
            required.add(requirements.apply(str(key)));
        }
        return new Stage(str(m.get("key")), str(m.get("name")), Integer.parseInt(str(m.get("order"))),
                new BigDecimal(str(m.get("probability"))), ForecastCategory.valueOf(str(m.get("forecastCategory"))),
                bool(m.get("closed")), bool(m.get("won")), required);
    }

    // ---- revenue ---------------------------------------------------------------------------

    static Map<String, @Nullable Object> subscriptionChange(SubscriptionChange change) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("date", change.date().toString());
        out.put("kind", change.kind().name());
        out.put("previousMrr", money(change.previousMrr()));
        out.put("newMrr", money(change.newMrr()));
        return out;
    }

    static SubscriptionChange subscriptionChangeOf(Map<String, @Nullable Object> m) {
        return new SubscriptionChange(LocalDate.parse(str(m.get("date"))),
                SubscriptionChangeKind.valueOf(str(m.get("kind"))), moneyOf(m.get("previousMrr")),
                moneyOf(m.get("newMrr")));
    }
}
