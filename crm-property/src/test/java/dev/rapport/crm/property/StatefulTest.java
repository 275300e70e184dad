package dev.rapport.crm.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatefulTest {

  /** A counter whose increments go wrong once it has reached 3, and adding more than 7 too. */
  static final class BuggyCounter {
    private int value;

    void increment() {
      value += value >= 3 ? 2 : 1;
    }

    void decrement() {
      value--;
    }

    void add(int n) {
      value += n > 7 ? n - 1 : n;
    }

    void reset() {
      value = 0;
    }

    int value() {
      return value;
    }
  }

  private static final Action<BuggyCounter, int[]> INCREMENT =
      Action.of(
          "increment",
          (counter, model) -> {
            counter.increment();
            model[0]++;
          });
  private static final Action<BuggyCounter, int[]> DECREMENT =
      Action.of(
          "decrement",
          model -> model[0] > 0,
          (counter, model) -> {
            counter.decrement();
            model[0]--;
          });
  private static final Action<BuggyCounter, int[]> RESET =
      Action.of(
          "reset",
          (counter, model) -> {
            counter.reset();
            model[0] = 0;
          });

  private static Stateful<BuggyCounter, int[]> counterProperty() {
    return Stateful.of(BuggyCounter::new, () -> new int[1])
        .action(Gen.constant(INCREMENT))
        .action(Gen.constant(DECREMENT))
        .action(Gen.constant(RESET))
        .invariant("value matches the model", (c, m) -> assertThat(c.value()).isEqualTo(m[0]))
        .maxSteps(40);
  }

  private static List<String> steps(PropertyResult result) {
    assertThat(result.counterexample()).hasSize(1);
    return ((List<?>) result.counterexample().get(0))
        .stream().map(Object::toString).collect(Collectors.toList());
  }

  @Test
  void counterBugShrinksToTheShortestSequence() {
    for (long seed = 1; seed <= 5; seed++) {
      PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, counterProperty().seed(seed)::check);
      assertThat(failure).isNotNull();
      assertThat(steps(failure.result()))
          .containsExactly("increment", "increment", "increment", "increment");
      assertThat(failure.getMessage())
          .contains("steps = [increment, increment, increment, increment]")
          .contains("invariant 'value matches the model' failed after increment");
    }
  }

  @Test
  void actionArgumentsShrinkToTheSimplestThatFail() {
    Stateful<BuggyCounter, int[]> adding =
        Stateful.of(BuggyCounter::new, () -> new int[1])
            .action(Gen.constant(RESET))
            .action(
                Gen.integers(1, 20)
                    .map(
                        n ->
                            Action.<BuggyCounter, int[]>of(
                                "add " + n,
                                (counter, model) -> {
                                  counter.add(n);
                                  model[0] += n;
                                })))
            .invariant("value matches the model", (c, m) -> assertThat(c.value()).isEqualTo(m[0]));
    for (long seed = 1; seed <= 5; seed++) {
      PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, adding.seed(seed)::check);
      assertThat(failure).isNotNull();
      // One step reaches the bug, and 8 is the smallest argument that does.
      assertThat(steps(failure.result())).containsExactly("add 8");
    }
  }

  @Test
  void aCorrectSystemPassesAndPreconditionsHold() {
    List<Integer> seenBeforeDecrement = new ArrayList<>();
    Action<int[], int[]> inc =
        Action.of(
            "inc",
            (sys, model) -> {
              sys[0]++;
              model[0]++;
            });
    Action<int[], int[]> dec =
        Action.of(
            "dec",
            model -> model[0] > 0,
            (sys, model) -> {
              seenBeforeDecrement.add(model[0]);
              sys[0]--;
              model[0]--;
            });
    PropertyResult result =
        Stateful.of(() -> new int[1], () -> new int[1])
            .action(Gen.constant(inc))
            .action(Gen.constant(dec))
            .invariant("equal", (s, m) -> assertThat(s[0]).isEqualTo(m[0]))
            .invariant("never negative", (s, m) -> assertThat(s[0]).isNotNegative())
            .tries(200)
            .seed(7)
            .check();
    assertThat(result.passed()).isTrue();
    assertThat(result.tries()).isEqualTo(200);
    assertThat(seenBeforeDecrement).isNotEmpty().allMatch(v -> v > 0);
  }
}
