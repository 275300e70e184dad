package dev.rapport.crm.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A stateful property: random sequences of {@link Action actions} run against a fresh system
 * under test and a fresh model, with invariants checked before the first and after every step.
 * A failing sequence shrinks to the shortest one that still fails, with the simplest action
 * arguments; the counterexample lists the steps that ran.
 *
 * <pre>{@code
 * Stateful.of(Counter::new, () -> new int[1])
 *     .action(Gen.constant(Action.of("increment", (counter, model) -> {
 *       counter.increment();
 *       model[0]++;
 *     })))
 *     .action(Gen.integers(1, 10).map(n -> Action.of("add " + n, (counter, model) -> {
 *       counter.add(n);
 *       model[0] += n;
 *     })))
 *     .invariant("value matches the model", (counter, model) -> assertThat(counter.value()).isEqualTo(model[0]))
 *     .maxSteps(30)
 *     .check();
 * }</pre>
 *
 * <p>Each step picks one of the action generators (shrinking toward the first one added), and
 * generates an action from it; an action whose precondition fails is replaced by another pick,
 * up to ten times, after which the step is skipped. Immutable: every setter returns a copy.
 *
 * @param <S> the type of the system under test
 * @param <M> the type of the model
 */
public final class Stateful<S, M> {
  private static final int PRECONDITION_ATTEMPTS = 10;

  private final Supplier<? extends S> system;
  private final Supplier<? extends M> model;
  private final List<Gen<? extends Action<S, M>>> actions;
  private final List<Invariant<S, M>> invariants;
  private final int maxSteps;
  private final Settings settings;

  private static final class Invariant<S, M> {
    final String name;
    final PropertyCheck.Body2<? super S, ? super M> check;

    Invariant(String name, PropertyCheck.Body2<? super S, ? super M> check) {
      this.name = name;
      this.check = check;
    }
  }

  private Stateful(
      Supplier<? extends S> system,
      Supplier<? extends M> model,
      List<Gen<? extends Action<S, M>>> actions,
      List<Invariant<S, M>> invariants,
      int maxSteps,
      Settings settings) {
    this.system = system;
    this.model = model;
    this.actions = actions;
    this.invariants = invariants;
    this.maxSteps = maxSteps;
    this.settings = settings;
  }

  /**
   * Starts a stateful property; every try creates a new system and a new model.
   *
   * <pre>{@code
   * Stateful<Counter, int[]> counter = Stateful.of(Counter::new, () -> new int[1]);
   * }</pre>
   *
   * @param system creates the system under test
   * @param model creates the model
   * @param <S> the type of the system under test
   * @param <M> the type of the model
   * @return a stateful property without actions yet
   */
  public static <S, M> Stateful<S, M> of(Supplier<? extends S> system, Supplier<? extends M> model) {
    return new Stateful<>(
        Objects.requireNonNull(system, "system"),
        Objects.requireNonNull(model, "model"),
        List.of(),
        List.of(),
        50,
        Settings.defaults(Engine.callerId()));
  }

  /**
   * Adds a generator of actions; use {@link Gen#constant(Object)} for an action without
   * arguments.
   *
   * @param action the generator of actions
   * @return a copy with the action added
   */
  public Stateful<S, M> action(Gen<? extends Action<S, M>> action) {
    List<Gen<? extends Action<S, M>>> more = new ArrayList<>(actions);
    more.add(Objects.requireNonNull(action, "action"));
    return new Stateful<>(system, model, List.copyOf(more), invariants, maxSteps, settings);
  }

  /**
   * Adds an invariant, checked on the fresh system and model and after every step.
   *
   * @param name how the invariant is named in a failure
   * @param check throws when the invariant does not hold
   * @return a copy with the invariant added
   */
  public Stateful<S, M> invariant(String name, PropertyCheck.Body2<? super S, ? super M> check) {
    List<Invariant<S, M>> more = new ArrayList<>(invariants);
    more.add(new Invariant<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check")));
    return new Stateful<>(system, model, actions, List.copyOf(more), maxSteps, settings);
  }

  /**
   * Sets the longest sequence of steps (default 50).
   *
   * @param steps the most steps in one try, at least 1
   * @return a copy with that limit
   * @throws IllegalArgumentException if {@code steps < 1}
   */
  public Stateful<S, M> maxSteps(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("maxSteps must be at least 1: " + steps);
    }
    return new Stateful<>(system, model, actions, invariants, steps, settings);
  }

  /**
   * Sets how many sequences must pass (default 100).
   *
   * @param tries the number of sequences, at least 1
   * @return a copy with that number of tries
   * @throws IllegalArgumentException if {@code tries < 1}
   */
  public Stateful<S, M> tries(int tries) {
    return new Stateful<>(system, model, actions, invariants, maxSteps, settings.tries(tries));
  }

  /**
   * Sets the seed, to repeat a run exactly.
   *
   * @param seed the seed
   * @return a copy with that seed
   */
  public Stateful<S, M> seed(long seed) {
    return new Stateful<>(system, model, actions, invariants, maxSteps, settings.seed(seed));
  }

  /**
   * Sets the id that keys the stored failing sequence; by default the class, method and line
   * that called {@link #of}.
   *
   * @param id a name unique among the properties of a project
   * @return a copy with that id
   * @throws IllegalArgumentException if {@code id} is blank
   */
  public Stateful<S, M> id(String id) {
    return new Stateful<>(system, model, actions, invariants, maxSteps, settings.id(id));
  }

  /**
   * Runs the sequences.
   *
   * @return the result of the passing run
   * @throws IllegalStateException if no action was added
   * @throws PropertyFailure if a sequence failed (the counterexample is the list of steps that
   *     ran, the last one failing) or too many were discarded
   */
  public PropertyResult check() {
    if (actions.isEmpty()) {
      throw new IllegalStateException("a stateful property needs at least one action");
    }
    return PropertyCheck.run(settings, new Trial());
  }

  private final class Trial implements Engine.Trial {
    @Override
    public List<String> names() {
      return List.of("steps");
    }

    @Override
    public void run(Source source, List<Object> shown, boolean execute) throws Throwable {
      List<Action<S, M>> steps = new ArrayList<>();
      shown.add(Collections.unmodifiableList(steps));
      S sys = system.get();
      M mod = model.get();
      checkInvariants(sys, mod, "on the initial state");
      long maxIndex = actions.size() - 1;
      long[] edges = maxIndex == 0 ? new long[] {0} : new long[] {0, maxIndex};
      int target = source.sizeHint(1, maxSteps);
      for (int step = 0; step < maxSteps; step++) {
        if (!source.flag(step < target)) {
          break;
        }
        Action<S, M> action = null;
        for (int attempt = 0; attempt < PRECONDITION_ATTEMPTS && action == null; attempt++) {
          Action<S, M> candidate = actions.get((int) source.draw(maxIndex, edges, Source::uniform)).generate(source);
          if (candidate.precondition(mod)) {
            action = candidate;
          }
        }
        if (action == null) {
          continue;
        }
        steps.add(action);
        action.run(sys, mod);
        checkInvariants(sys, mod, "after " + action.description());
      }
    }

    private void checkInvariants(S sys, M mod, String when) throws Throwable {
      for (Invariant<S, M> invariant : invariants) {
        try {
          invariant.check.accept(sys, mod);
        } catch (AssertionError | RuntimeException e) {
          AssertionError failure =
              new AssertionError("invariant '" + invariant.name + "' failed " + when + ": " + e.getMessage(), e);
          throw failure;
        }
      }
    }
  }
}
