package dev.rapport.crm.workflow;

import dev.rapport.crm.workflow.spi.ActionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom {@link ActionType action types} JSON rules may use, by name. Discovery by
 * {@link ServiceLoader} is explicit ({@link #installed()}); a provider that fails to load is
 * skipped, logged and listed in {@link #failures()} with its class name, so one broken jar does not
 * stop the others; two providers of one name are ambiguous: the first by class name wins and a
 * warning names both. Names of built-in actions cannot be taken by providers. Immutable.
 *
 * <pre>{@code
 * ActionTypes types = ActionTypes.installed();              // META-INF/services providers
 * ActionTypes mine = ActionTypes.of(List.of(new NotifySlack()));
 * RuleSet rules = JsonRules.parser().actionTypes(types).parse(json);
 * }</pre>
 */
public final class ActionTypes {
    private static final Logger LOG = LoggerFactory.getLogger(ActionTypes.class);

    /** The names of the built-in actions, which providers cannot take. */
    static final Set<String> BUILT_IN = Set.of("addTag", "setField", "setLifecycleStage", "sendMessage", "wait",
            "assignOwner", "score", "createTask");

    private static final ActionTypes NONE = new ActionTypes(Map.of(), List.of());

    private final Map<String, ActionType> byName;
    private final List<String> failures;

    private ActionTypes(Map<String, ActionType> byName, List<String> failures) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
        this.failures = List.copyOf(failures);
    }

    /**
     * No custom action types.
     *
     * @return the empty registry
     */
    public static ActionTypes none() {
        return NONE;
    }

    /**
     * The providers listed in {@code META-INF/services/dev.rapport.crm.workflow.spi.ActionType} on
     * the class path of this library's class loader.
     *
     * @return the registry
     */
    public static ActionTypes installed() {
        return load(ActionTypes.class.getClassLoader());
    }

    /**
     * The providers visible to a class loader.
     *
     * @param loader the class loader
     * @return the registry
     */
    public static ActionTypes load(ClassLoader loader) {
        List<ActionType> found = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        var providers = ServiceLoader.load(ActionType.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<ActionType> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                // The provider's class could not even be found; the message names it.
                failures.add(String.valueOf(e.getMessage()));
                LOG.warn("An ActionType provider could not be loaded: {}", e.getMessage());
                continue;
            }
            try {
                found.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException e) {
                String name = provider.type().getName();
                failures.add(name + ": " + e.getClass().getSimpleName());
                LOG.warn("ActionType provider {} failed and is skipped: {}", name, e.getClass().getName());
            }
        }
        return build(found, failures);
    }

    /**
     * A registry of the given types.
     *
     * @param types the types
     * @return the registry
     */
    public static ActionTypes of(List<? extends ActionType> types) {
        return build(List.copyOf(types), List.of());
    }

    private static ActionTypes build(List<? extends ActionType> types, List<String> failures) {
        List<ActionType> sorted = new ArrayList<>(types);
        sorted.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
        Map<String, ActionType> byName = new TreeMap<>();
        List<String> problems = new ArrayList<>(failures);
        for (ActionType t : sorted) {
            String name = Objects.requireNonNull(t.name(), "name");
            if (BUILT_IN.contains(name)) {
                problems.add(t.getClass().getName() + ": takes the built-in name " + name);
                LOG.warn("ActionType provider {} takes the built-in name {} and is skipped", t.getClass().getName(),
                        name);
                continue;
            }
            ActionType first = byName.putIfAbsent(name, t);
            if (first != null) {
                problems.add(t.getClass().getName() + ": name " + name + " already provided by "
                        + first.getClass().getName());
                LOG.warn("ActionType name {} is provided by {} and {}; using the first", name,
                        first.getClass().getName(), t.getClass().getName());
            }
        }
        return new ActionTypes(byName, problems);
    }

    /**
     * A type by name.
     *
     * @param name the name
     * @return the type, if installed
     */
    public Optional<ActionType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The installed names, sorted.
     *
     * @return the names
     */
    public Set<String> names() {
        return byName.keySet();
    }

    /**
     * The providers that failed to load, were ambiguous or took a built-in name, each naming the
     * provider class.
     *
     * @return the failures
     */
    public List<String> failures() {
        return failures;
    }
}
