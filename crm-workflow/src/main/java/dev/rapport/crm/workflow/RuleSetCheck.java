package dev.rapport.crm.workflow;

import dev.rapport.crm.event.CrmEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The result of {@link RuleSet#check()}: the cycles between rules, each as the chain of rule ids
 * that returns to its first rule (e.g. {@code [a, b, a]}).
 *
 * <pre>{@code
 * RuleSetCheck check = rules.check();
 * check.cycles().forEach(c -> System.out.println("cycle: " + String.join(" -> ", c)));
 * }</pre>
 *
 * @param cycles the cycles found, one per strongly connected group of rules
 */
public record RuleSetCheck(List<List<String>> cycles) {
    /**
     * Copies the cycles.
     *
     * @param cycles the cycles found, one per strongly connected group of rules
     */
    public RuleSetCheck {
        cycles = cycles.stream().map(List::copyOf).toList();
    }

    /**
     * Whether no cycle was found.
     *
     * @return true if the set is free of cycles
     */
    public boolean ok() {
        return cycles.isEmpty();
    }

    static Set<Class<? extends CrmEvent>> listensTo(Rule rule) {
        Trigger t = rule.trigger();
        if (t instanceof EventTrigger<?> e) {
            return Set.of(e.type());
        }
        if (t instanceof Triggers.PropertyChange || t instanceof Triggers.SegmentChange) {
            return rule.kind().changeEvents();
        }
        return Set.of();
    }

    static RuleSetCheck of(RuleSet set) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Rule a : set.rules()) {
            Set<String> to = new TreeSet<>();
            for (Rule b : set.rules()) {
                if (a != b && triggers(a, b)) {
                    to.add(b.id());
                }
            }
            edges.put(a.id(), to);
        }
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : components(edges)) {
            if (component.size() > 1) {
                cycles.add(cycleThrough(component.iterator().next(), component, edges));
            }
        }
        return new RuleSetCheck(cycles);
    }

    private static boolean triggers(Rule a, Rule b) {
        Set<Class<? extends CrmEvent>> heard = listensTo(b);
        for (Action action : a.actions()) {
            for (Class<? extends CrmEvent> emitted : action.emits()) {
                for (Class<? extends CrmEvent> h : heard) {
                    if (h.isAssignableFrom(emitted)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Tarjan's strongly connected components, each sorted, in order of their smallest id. */
    private static List<TreeSet<String>> components(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<TreeSet<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) {
                strongConnect(v, edges, index, low, stack, onStack, out, counter);
            }
        }
        out.sort((x, y) -> x.first().compareTo(y.first()));
        return out;
    }

    private static void strongConnect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<TreeSet<String>> out,
            int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : edges.get(v)) {
            if (!index.containsKey(w)) {
                strongConnect(w, edges, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            TreeSet<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }

    /** The shortest cycle from start back to start inside its component (breadth first). */
    private static List<String> cycleThrough(String start, Set<String> component, Map<String, Set<String>> edges) {
        Map<String, String> parent = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : edges.get(v)) {
                if (!component.contains(w)) {
                    continue;
                }
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String x = v; x != null; x = parent.get(x)) {
                        path.add(0, x);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(w) && !w.equals(start)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        return List.of(start);
    }
}
