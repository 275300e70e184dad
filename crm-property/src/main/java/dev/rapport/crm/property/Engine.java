package dev.rapport.crm.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Runs a property: replays a stored failure, tries edge cases and random examples, shrinks. */
final class Engine {
  static final System.Logger LOG = System.getLogger("dev.rapport.crm.property");

  /** Classes whose stack frames are the engine's own, skipped when naming the caller. */
  private static final Set<String> ENGINE_CLASSES =
      Set.of(
          Engine.class.getName(),
          Gen.class.getName(),
          PropertyCheck.class.getName(),
          Stateful.class.getName(),
          // by name, so that the programmatic API does not load JUnit classes
          Engine.class.getPackageName() + ".PropertyExtension");

  private Engine() {}

  /** What is being tested: draws its values from a source, then (if asked) runs the check. */
  interface Trial {
    /** Names of the values added to {@code shown}, in order. */
    List<String> names();

    /**
     * Generates from {@code source}, adds what a reader needs to see to {@code shown}, and when
     * {@code execute} is set runs the check, throwing if it fails.
     */
    void run(Source source, List<Object> shown, boolean execute) throws Throwable;
  }

  enum Kind {
    PASS,
    FAIL,
    REJECT
  }

  /** One evaluation: its kind, the choices it used, and what failed or why it was discarded. */
  static final class Outcome {
    final Kind kind;
    final long[] choices;
    final Throwable failure;
    final String rejectReason;

    Outcome(Kind kind, long[] choices, Throwable failure, String rejectReason) {
      this.kind = kind;
      this.choices = choices;
      this.failure = failure;
      this.rejectReason = rejectReason;
    }
  }

  static Outcome evaluate(Trial trial, Source source) {
    List<Object> shown = new ArrayList<>();
    try {
      trial.run(source, shown, true);
      return new Outcome(Kind.PASS, source.choices(), null, null);
    } catch (Reject reject) {
      return new Outcome(Kind.REJECT, source.choices(), null, reject.reason());
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
        throw (VirtualMachineError) t;
      }
      if (isAborted(t)) {
        return new Outcome(Kind.REJECT, source.choices(), null, "an assumption failed: " + t.getMessage());
      }
      return new Outcome(Kind.FAIL, source.choices(), t, null);
    }
  }

  /** JUnit assumptions ({@code Assumptions.assumeTrue}) discard the example, as in a test. */
  private static boolean isAborted(Throwable t) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals("org.opentest4j.TestAbortedException")) {
        return true;
      }
    }
    return false;
  }

  /** The values a choice sequence generates, without running the check. */
  static List<Object> describe(Trial trial, long[] choices) {
    List<Object> shown = new ArrayList<>();
    try {
      trial.run(Source.replay(choices), shown, false);
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
        throw (VirtualMachineError) t;
      }
      // a stateful trial runs its actions to the failure; what ran is in shown
    }
    return shown;
  }

  static PropertyResult run(Settings settings, Trial trial) {
    String id = settings.id();
    FailureStore store = FailureStore.fromSystemProperty();
    RunStats stats = new RunStats();

    if (store != null) {
      FailureStore.Stored stored = store.load(id);
      if (stored != null) {
        Outcome outcome = evaluate(trial, Source.replay(stored.choices));
        if (outcome.kind == Kind.FAIL) {
          return failed(settings, trial, outcome, stored.seed, 1, 0, stats, store, true);
        }
        store.delete(id);
      }
    }

    long seed = settings.seed() != null ? settings.seed() : new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    int tries = settings.tries();
    int edgeTries = Math.min(tries, Math.max(2, Math.min(20, tries / 5)));
    int maxDiscards = Math.max(100, 5 * tries);
    int passed = 0;
    int discards = 0;
    String lastReject = null;
    RunStats previous = RunStats.CURRENT.get();
    try {
      for (int index = 0; passed < tries; index++) {
        Source.Mode mode =
            index == 0
                ? Source.Mode.SIMPLEST
                : index == 1 ? Source.Mode.LARGEST : index < edgeTries ? Source.Mode.EDGES : Source.Mode.RANDOM;
        Source source = Source.generating(mode, random, index - 2, stats);
        stats.beginTry();
        RunStats.CURRENT.set(stats);
        Outcome outcome;
        try {
          outcome = evaluate(trial, source);
        } finally {
          RunStats.CURRENT.set(previous);
        }
        stats.endTry(outcome.kind != Kind.REJECT);
        if (outcome.kind == Kind.PASS) {
          passed++;
        } else if (outcome.kind == Kind.REJECT) {
          lastReject = outcome.rejectReason;
          if (++discards > maxDiscards) {
            return gaveUp(settings, seed, passed, discards, stats, lastReject);
          }
        } else {
          return failed(settings, trial, outcome, seed, passed + 1, discards, stats, store, false);
        }
      }
    } finally {
      RunStats.CURRENT.set(previous);
    }
    PropertyResult result =
        new PropertyResult(
            id, PropertyResult.Status.PASSED, seed, passed, discards, stats.labels(), List.of(), List.of(),
            trial.names(), 0, null, null);
    LOG.log(System.Logger.Level.INFO, result::summary);
    return result;
  }

  private static PropertyResult failed(
      Settings settings,
      Trial trial,
      Outcome original,
      long seed,
      int tries,
      int discards,
      RunStats stats,
      FailureStore store,
      boolean replayed) {
    Shrinker shrinker =
        new Shrinker(c -> evaluate(trial, Source.replay(c)), settings.maxShrinkRuns(), 60_000_000_000L);
    Outcome minimal = shrinker.shrink(original);
    String storedAt = null;
    if (store != null) {
      store.save(settings.id(), seed, minimal.choices);
      storedAt = store.file(settings.id()).toString();
    }
    StringBuilder note = new StringBuilder();
    if (replayed) {
      note.append("This is the failure stored by an earlier run, replayed first. ");
    }
    note.append("Run again with seed ").append(seed).append(" to repeat the run");
    if (storedAt != null) {
      note.append("; the minimal example is tried first next time (").append(storedAt).append(')');
    }
    note.append('.');
    Map<String, Long> labels = replayed ? Map.of() : stats.labels();
    return new PropertyResult(
        settings.id(),
        PropertyResult.Status.FAILED,
        seed,
        tries,
        discards,
        labels,
        Collections.unmodifiableList(describe(trial, minimal.choices)),
        Collections.unmodifiableList(describe(trial, original.choices)),
        trial.names(),
        shrinker.steps(),
        minimal.failure,
        note.toString());
  }

  private static PropertyResult gaveUp(
      Settings settings, long seed, int passed, int discards, RunStats stats, String lastReject) {
    String filter = stats.worstFilter();
    String why =
        "Too many examples were discarded: "
            + discards
            + " discarded, "
            + passed
            + " tried. "
            + (filter != null ? "The " + filter + ". " : "")
            + "Last reason: "
            + lastReject
            + ". Generate valid values directly (for example with map) instead of filtering most of them out.";
    return new PropertyResult(
        settings.id(), PropertyResult.Status.GAVE_UP, seed, passed, discards, stats.labels(), List.of(),
        List.of(), List.of(), 0, null, why);
  }

  /** Where the first caller outside the engine is in the source, like {@code FooTest.java:42}. */
  static String callerLocation() {
    StackWalker.StackFrame frame = caller();
    return frame == null ? "an unknown place" : frame.getFileName() + ":" + frame.getLineNumber();
  }

  /** An id for a property made at the caller's place: class, method and line. */
  static String callerId() {
    StackWalker.StackFrame frame = caller();
    return frame == null
        ? "unknown"
        : frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
  }

  private static StackWalker.StackFrame caller() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .filter(f -> !ENGINE_CLASSES.contains(f.getDeclaringClass().getNestHost().getName()))
                    .findFirst()
                    .orElse(null));
  }
}
