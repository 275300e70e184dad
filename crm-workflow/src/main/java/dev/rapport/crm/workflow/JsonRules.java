package dev.rapport.crm.workflow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.directory.TeamId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.workflow.spi.ActionConfig;
import dev.rapport.crm.workflow.spi.ActionConfigException;
import dev.rapport.crm.workflow.spi.ActionType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Loads rules written in JSON into the same {@link Rule} objects the Java DSL builds, checking
 * everything at load time against a {@link Schema} and the installed {@link ActionTypes}: an
 * unknown key, field, operator, event type or action type, or a literal of the wrong type, is a
 * {@link RuleDefinitionException} carrying the JSON pointer of the mistake. JSON rules can never
 * run code: event types are looked up among the sealed {@link CrmEvent} types, actions among the
 * built-in and installed ones; there is no reflection on named classes and no script engine.
 * Immutable and thread-safe. The grammar is in {@code docs/workflows.md}.
 *
 * <pre>{@code
 * RuleSet rules = JsonRules.parser()
 *     .schema(Schema.standard().withCustomField(EntityKind.ACCOUNT, "renewal_date", FieldType.DATE))
 *     .actionTypes(ActionTypes.installed())
 *     .parse("""
 *         {"rules": [{"id": "vip", "trigger": {"event": "ContactCreated"},
 *                     "condition": {"field": "title", "op": "=", "value": "CEO"},
 *                     "actions": [{"type": "addTag", "tag": "vip"}]}]}
 *         """);
 * }</pre>
 */
public final class JsonRules {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Map<String, Class<? extends CrmEvent>> EVENTS = events();

    private static final Set<String> RULE_KEYS = Set.of("id", "version", "entity", "enabled", "priority",
            "enrollment", "trigger", "condition", "suppress", "goal", "actions");

    private final Schema schema;
    private final ActionTypes types;

    private JsonRules(Schema schema, ActionTypes types) {
        this.schema = schema;
        this.types = types;
    }

    /**
     * A parser with the standard schema and no custom action types.
     *
     * @return the parser
     */
    public static JsonRules parser() {
        return new JsonRules(Schema.standard(), ActionTypes.none());
    }

    /**
     * This parser with another schema.
     *
     * @param value the schema
     * @return the new parser
     */
    public JsonRules schema(Schema value) {
        return new JsonRules(Objects.requireNonNull(value, "schema"), types);
    }

    /**
     * This parser with custom action types.
     *
     * @param value the action types
     * @return the new parser
     */
    public JsonRules actionTypes(ActionTypes value) {
        return new JsonRules(schema, Objects.requireNonNull(value, "actionTypes"));
    }

    /**
     * Parses a document {@code {"rules": [...]}} into a rule set.
     *
     * @param json the document
     * @return the rules
     * @throws RuleDefinitionException naming the JSON pointer of the first mistake
     */
    public RuleSet parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Objects.requireNonNull(json, "json"));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new RuleDefinitionException("", "not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new RuleDefinitionException("", "expected an object {\"rules\": [...]}");
        }
        keys(root, "", Set.of("segments", "rules"));
        Map<String, Segment> segments = new TreeMap<>();
        JsonNode defs = root.get("segments");
        if (defs != null) {
            if (!defs.isArray()) {
                throw new RuleDefinitionException("/segments", "expected an array of segments");
            }
            for (int i = 0; i < defs.size(); i++) {
                Segment seg = segment(defs.get(i), "/segments/" + i);
                if (segments.put(seg.name(), seg) != null) {
                    throw new RuleDefinitionException("/segments/" + i + "/name", "duplicate segment name");
                }
            }
        }
        JsonNode list = root.get("rules");
        if (list == null || !list.isArray()) {
            throw new RuleDefinitionException("/rules", "expected an array of rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(list.get(i), "/rules/" + i, segments));
        }
        return RuleSet.of(rules);
    }

    /**
     * Parses one condition object against the schema of an entity kind.
     *
     * @param kind the entity kind
     * @param json the condition, e.g. {@code {"field": "employees", "op": ">=", "value": 500}}
     * @return the condition
     * @throws RuleDefinitionException naming the JSON pointer of the first mistake
     */
    public Condition parseCondition(EntityKind kind, String json) {
        try {
            return condition(MAPPER.readTree(json), "", kind);
        } catch (JsonProcessingException e) {
            throw new RuleDefinitionException("", "not valid JSON");
        }
    }

    private static Map<String, Class<? extends CrmEvent>> events() {
        Map<String, Class<? extends CrmEvent>> m = new TreeMap<>();
        for (Class<?> c : CrmEvent.class.getPermittedSubclasses()) {
            m.put(c.getSimpleName(), c.asSubclass(CrmEvent.class));
        }
        return m;
    }

    private Segment segment(JsonNode node, String p) {
        object(node, p);
        keys(node, p, Set.of("name", "entity", "condition"));
        String name = text(node, "name", p, true);
        String entity = text(node, "entity", p, false);
        EntityKind kind = entity == null ? EntityKind.CONTACT : EntityKind.fromJson(entity).orElseThrow(() ->
                new RuleDefinitionException(p + "/entity", "unknown entity kind"));
        Condition condition = condition(required(node, "condition", p), p + "/condition", kind);
        try {
            return Segment.dynamic(Objects.requireNonNull(name), kind, condition);
        } catch (IllegalArgumentException e) {
            throw new RuleDefinitionException(p + "/name", String.valueOf(e.getMessage()));
        }
    }

    private Rule rule(JsonNode node, String p, Map<String, Segment> segments) {
        object(node, p);
        keys(node, p, RULE_KEYS);
        String id = text(node, "id", p, true);
        Rule.Builder b;
        try {
            b = Rule.named(Objects.requireNonNull(id));
        } catch (IllegalArgumentException e) {
            throw new RuleDefinitionException(p + "/id", Objects.requireNonNull(e.getMessage()));
        }
        EntityKind kind = EntityKind.CONTACT;
        String entity = text(node, "entity", p, false);
        if (entity != null) {
            kind = EntityKind.fromJson(entity).orElseThrow(() -> new RuleDefinitionException(p + "/entity",
                    "unknown entity kind (known: contact, account, lead, opportunity, ticket, subscription)"));
        }
        b.on(kind).schema(schema);
        if (node.has("version")) {
            int v = integer(node.get("version"), p + "/version");
            if (v < 1) {
                throw new RuleDefinitionException(p + "/version", "must be at least 1");
            }
            b.version(v);
        }
        if (node.has("priority")) {
            b.priority(integer(node.get("priority"), p + "/priority"));
        }
        if (node.has("enabled")) {
            if (!node.get("enabled").isBoolean()) {
                throw new RuleDefinitionException(p + "/enabled", "expected true or false");
            }
            b.enabled(node.get("enabled").booleanValue());
        }
        String enrollment = text(node, "enrollment", p, false);
        if (enrollment != null) {
            try {
                b.enrollment(Enrollment.valueOf(enrollment));
            } catch (IllegalArgumentException e) {
                throw new RuleDefinitionException(p + "/enrollment", "expected ONCE or RE_ENROLL");
            }
        }
        if (!node.has("trigger")) {
            throw new RuleDefinitionException(p + "/trigger", "a rule needs a trigger");
        }
        b.when(trigger(node.get("trigger"), p + "/trigger", kind, segments));
        if (node.has("condition")) {
            b.ifCondition(condition(node.get("condition"), p + "/condition", kind));
        }
        if (node.has("suppress")) {
            b.suppressWhen(condition(node.get("suppress"), p + "/suppress", kind));
        }
        if (node.has("goal")) {
            b.goal(condition(node.get("goal"), p + "/goal", kind));
        }
        JsonNode actions = node.get("actions");
        if (actions == null || !actions.isArray() || actions.isEmpty()) {
            throw new RuleDefinitionException(p + "/actions", "a rule needs a non-empty array of actions");
        }
        List<Action> list = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            list.add(action(actions.get(i), p + "/actions/" + i));
        }
        b.then(list);
        return b.build(p);
    }

    private Trigger trigger(JsonNode node, String p, EntityKind kind, Map<String, Segment> segments) {
        object(node, p);
        if (node.size() != 1) {
            throw new RuleDefinitionException(p, "a trigger has exactly one of: event, propertyChange, inactivity,"
                    + " dateOffset, schedule, entered, left");
        }
        String key = node.fieldNames().next();
        JsonNode v = node.get(key);
        String q = p + "/" + key;
        switch (key) {
            case "event" -> {
                if (!v.isTextual()) {
                    throw new RuleDefinitionException(q, "expected an event type name");
                }
                Class<? extends CrmEvent> type = EVENTS.get(v.textValue());
                if (type == null) {
                    throw new RuleDefinitionException(q, "unknown event type (known: " + EVENTS.keySet() + ")");
                }
                return Triggers.event(type);
            }
            case "propertyChange" -> {
                return Triggers.propertyChange(condition(v, q, kind));
            }
            case "inactivity" -> {
                object(v, q);
                keys(v, q, Set.of("days", "activities"));
                int days = integer(required(v, "days", q), q + "/days");
                JsonNode kinds = v.get("activities");
                if (days < 1) {
                    throw new RuleDefinitionException(q + "/days", "must be at least 1");
                }
                if (kinds == null || !kinds.isArray() || kinds.isEmpty()) {
                    throw new RuleDefinitionException(q + "/activities", "expected a non-empty array of activity types");
                }
                List<ActivityType> list = new ArrayList<>();
                for (int i = 0; i < kinds.size(); i++) {
                    list.add(enumValue(ActivityType.class, kinds.get(i), q + "/activities/" + i));
                }
                return Triggers.inactivity(Duration.ofDays(days), list.toArray(ActivityType[]::new));
            }
            case "dateOffset" -> {
                object(v, q);
                keys(v, q, Set.of("field", "days", "at", "zone"));
                String field = text(v, "field", q, true);
                int days = integer(required(v, "days", q), q + "/days");
                return Triggers.dateOffset(Objects.requireNonNull(field), days, time(v, "at", q), zone(v, q));
            }
            case "schedule" -> {
                object(v, q);
                keys(v, q, Set.of("daily", "zone"));
                return Triggers.daily(time(v, "daily", q), zone(v, q));
            }
            case "entered", "left" -> {
                if (!v.isTextual()) {
                    throw new RuleDefinitionException(q, "expected a segment name");
                }
                Segment segment = segments.get(v.textValue());
                if (segment == null) {
                    throw new RuleDefinitionException(q, "unknown segment (defined: " + segments.keySet() + ")");
                }
                return key.equals("entered") ? Triggers.entered(segment) : Triggers.left(segment);
            }
            default -> throw new RuleDefinitionException(q, "unknown trigger (known: event, propertyChange,"
                    + " inactivity, dateOffset, schedule, entered, left)");
        }
    }

    private Condition condition(JsonNode node, String p, EntityKind kind) {
        object(node, p);
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            keys(node, p, Set.of(key));
            JsonNode parts = node.get(key);
            if (!parts.isArray() || parts.isEmpty()) {
                throw new RuleDefinitionException(p + "/" + key, "expected a non-empty array of conditions");
            }
            List<Condition> list = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                list.add(condition(parts.get(i), p + "/" + key + "/" + i, kind));
            }
            return key.equals("all") ? Conditions.all(list) : Conditions.any(list);
        }
        if (node.has("not")) {
            keys(node, p, Set.of("not"));
            return Conditions.not(condition(node.get("not"), p + "/not", kind));
        }
        if (!node.has("field")) {
            throw new RuleDefinitionException(p, "expected all, any, not, or a comparison with field and op");
        }
        keys(node, p, Set.of("field", "op", "value", "cmp"));
        String field = text(node, "field", p, true);
        String opText = text(node, "op", p, true);
        Operator op = Operator.fromSymbol(Objects.requireNonNull(opText)).orElseThrow(() ->
                new RuleDefinitionException(p + "/op", "unknown operator (known: =, !=, <, <=, >, >=, in, exists,"
                        + " contains, between, days-since, changed-to)"));
        Operator cmp = Operator.GE;
        if (node.has("cmp")) {
            if (op != Operator.DAYS_SINCE) {
                throw new RuleDefinitionException(p + "/cmp", "only 'days-since' takes cmp");
            }
            String c = text(node, "cmp", p, true);
            cmp = Operator.fromSymbol(Objects.requireNonNull(c))
                    .filter(o -> Set.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE)
                            .contains(o))
                    .orElseThrow(() -> new RuleDefinitionException(p + "/cmp", "expected =, !=, <, <=, > or >="));
        }
        if (op != Operator.EXISTS && !node.has("value")) {
            throw new RuleDefinitionException(p + "/value", "operator '" + op.symbol() + "' needs a value");
        }
        Object value = node.has("value") ? plain(node.get("value"), p + "/value") : null;
        return Conditions.compare(schema, kind, Objects.requireNonNull(field), op, value, cmp, p);
    }

    private Action action(JsonNode node, String p) {
        object(node, p);
        String type = text(node, "type", p, true);
        Map<String, Object> config = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!k.equals("type")) {
                Object v = plain(node.get(k), p + "/" + k);
                if (v != null) {
                    config.put(k, v);
                }
            }
        }
        ActionConfig c = ActionConfig.of(config);
        try {
            return switch (Objects.requireNonNull(type)) {
                case "addTag" -> {
                    only(c, p, "tag");
                    yield Actions.addTag(c.text("tag"));
                }
                case "setField" -> {
                    only(c, p, "field", "value");
                    yield Actions.setField(c.text("field"), config.get("value"));
                }
                case "setLifecycleStage" -> {
                    only(c, p, "stage", "overrideReason");
                    LifecycleStage stage = enumValue(LifecycleStage.class, node.get("stage"), p + "/stage");
                    yield c.optionalText("overrideReason").map(r -> Actions.overrideLifecycleStage(stage, r))
                            .orElseGet(() -> Actions.setLifecycleStage(stage));
                }
                case "sendMessage" -> {
                    only(c, p, "template", "parameters");
                    yield Actions.sendMessage(c.text("template"), parameters(node.get("parameters"),
                            p + "/parameters"));
                }
                case "wait" -> waitAction(node, c, p);
                case "createTask" -> {
                    only(c, p, "title", "dueInDays", "assignee");
                    yield Actions.createTask(c.text("title"), c.integer("dueInDays"),
                            c.optionalText("assignee").map(UserId::of).orElse(null));
                }
                case "score" -> {
                    only(c, p, "add", "mqlThreshold", "decayPercent");
                    if (c.keys().contains("decayPercent")) {
                        if (c.keys().contains("add")) {
                            throw new RuleDefinitionException(p + "/decayPercent", "give add or decayPercent, not both");
                        }
                        yield Actions.decayScore(c.integer("decayPercent"));
                    }
                    yield c.keys().contains("mqlThreshold") ? Actions.addScore(c.integer("add"), c.integer("mqlThreshold"))
                            : Actions.addScore(c.integer("add"));
                }
                case "assignOwner" -> {
                    only(c, p, "strategy", "users", "team", "skills");
                    String strategy = c.text("strategy");
                    yield switch (strategy) {
                        case "roundRobin" -> c.keys().contains("team")
                                ? Actions.assignOwnerRoundRobin(TeamId.of(c.text("team")))
                                : Actions.assignOwnerRoundRobin(c.texts("users").stream().map(UserId::of).toList());
                        case "territory" -> Actions.assignOwnerByTerritory();
                        case "leastLoaded" -> Actions.assignOwnerLeastLoaded(TeamId.of(c.text("team")),
                                c.keys().contains("skills") ? Set.copyOf(c.texts("skills")) : Set.of());
                        default -> throw new RuleDefinitionException(p + "/strategy",
                                "unknown strategy (known: roundRobin, territory, leastLoaded)");
                    };
                }
                default -> {
                    ActionType custom = types.find(type).orElseThrow(() -> new RuleDefinitionException(p + "/type",
                            "no action type '" + type + "' is installed (built in: " + new java.util.TreeSet<>(
                                    ActionTypes.BUILT_IN) + "; installed: " + types.names() + ")"));
                    yield Actions.custom(custom, c);
                }
            };
        } catch (ActionConfigException e) {
            throw new RuleDefinitionException(p + "/" + e.key(), e.reason());
        } catch (IllegalArgumentException e) {
            throw new RuleDefinitionException(p, String.valueOf(e.getMessage()));
        }
    }

    private static Action waitAction(JsonNode node, ActionConfig c, String p) {
        only(c, p, "days", "hours", "minutes", "until", "zone");
        if (c.keys().contains("until")) {
            try {
                return Actions.waitUntil(LocalDateTime.parse(c.text("until")), zone(node, p));
            } catch (DateTimeException e) {
                throw new RuleDefinitionException(p + "/until", "expected a local date-time yyyy-mm-ddThh:mm");
            }
        }
        Duration d = Duration.ZERO;
        if (c.keys().contains("days")) {
            d = d.plusDays(c.integer("days"));
        }
        if (c.keys().contains("hours")) {
            d = d.plusHours(c.integer("hours"));
        }
        if (c.keys().contains("minutes")) {
            d = d.plusMinutes(c.integer("minutes"));
        }
        if (d.isZero() || d.isNegative()) {
            throw new RuleDefinitionException(p, "a wait needs positive days, hours or minutes, or until and zone");
        }
        return Actions.waitFor(d);
    }

    private static Map<String, String> parameters(@Nullable JsonNode node, String p) {
        if (node == null) {
            return Map.of();
        }
        object(node, p);
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!node.get(k).isTextual()) {
                throw new RuleDefinitionException(p + "/" + k, "expected text");
            }
            out.put(k, node.get(k).textValue());
        }
        return out;
    }

    private static void only(ActionConfig c, String p, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String k : c.keys()) {
            if (!ok.contains(k)) {
                throw new RuleDefinitionException(p + "/" + k, "unknown key (known: type, " + String.join(", ", allowed)
                        + ")");
            }
        }
    }

    private static @Nullable Object plain(JsonNode v, String p) {
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                Object o = plain(v.get(i), p + "/" + i);
                if (o == null) {
                    throw new RuleDefinitionException(p + "/" + i, "null is not allowed here");
                }
                list.add(o);
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<String> it = v.fieldNames(); it.hasNext();) {
            String k = it.next();
            map.put(k, plain(v.get(k), p + "/" + k));
        }
        return map;
    }

    private static void object(@Nullable JsonNode node, String p) {
        if (node == null || !node.isObject()) {
            throw new RuleDefinitionException(p, "expected an object");
        }
    }

    private static void keys(JsonNode node, String p, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new RuleDefinitionException(p + "/" + k, "unknown key (known: " + new java.util.TreeSet<>(allowed)
                        + ")");
            }
        }
    }

    private static JsonNode required(JsonNode node, String key, String p) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw new RuleDefinitionException(p + "/" + key, "is required");
        }
        return v;
    }

    private static @Nullable String text(JsonNode node, String key, String p, boolean required) {
        JsonNode v = node.get(key);
        if (v == null) {
            if (required) {
                throw new RuleDefinitionException(p + "/" + key, "is required");
            }
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new RuleDefinitionException(p + "/" + key, "expected non-blank text");
        }
        return v.textValue();
    }

    private static int integer(JsonNode v, String p) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new RuleDefinitionException(p, "expected a whole number");
        }
        return v.intValue();
    }

    private static LocalTime time(JsonNode node, String key, String p) {
        String t = text(node, key, p, true);
        try {
            return LocalTime.parse(Objects.requireNonNull(t));
        } catch (DateTimeException e) {
            throw new RuleDefinitionException(p + "/" + key, "expected a time hh:mm");
        }
    }

    private static ZoneId zone(JsonNode node, String p) {
        String z = text(node, "zone", p, true);
        try {
            return ZoneId.of(Objects.requireNonNull(z));
        } catch (DateTimeException e) {
            throw new RuleDefinitionException(p + "/zone", "unknown time zone");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, @Nullable JsonNode v, String p) {
        if (v == null || !v.isTextual()) {
            throw new RuleDefinitionException(p, "expected one of " + List.of(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, v.textValue());
        } catch (IllegalArgumentException e) {
            throw new RuleDefinitionException(p, "expected one of " + List.of(type.getEnumConstants()));
        }
    }

}
