package dev.rapport.crm.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PropertyCheckTest {

  @Test
  void aPassingPropertyReportsItsTries() {
    AtomicInteger calls = new AtomicInteger();
    PropertyResult result =
        PropertyCheck.forAll(Gen.integers(0, 100), Gen.lists(Gen.integers(), 0, 10))
            .tries(500)
            .check(
                (n, list) -> {
                  calls.incrementAndGet();
                  assertThat(list.size()).isLessThanOrEqualTo(10);
                });
    assertThat(result.passed()).isTrue();
    assertThat(result.status()).isEqualTo(PropertyResult.Status.PASSED);
    assertThat(result.tries()).isEqualTo(500);
    assertThat(calls).hasValue(500);
    assertThat(result.summary()).contains("passed 500 tries").contains("seed " + result.seed());
    assertThat(result.counterexample()).isEmpty();
    assertThat(result.failure()).isEmpty();
  }

  @Test
  void defaultTriesAreOneHundred() {
    assertThat(PropertyCheck.forAll(Gen.booleans()).holds(b -> b || !b).tries()).isEqualTo(100);
  }

  @Test
  void aFailureNamesTheSeedTheMinimalAndOriginalExampleAndTheShrinkSteps() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                PropertyCheck.forAll(Gen.integers(0, 100_000))
                    .seed(4242L)
                    .check(n -> assertThat(n).isLessThan(1000)));
    PropertyResult result = failure.result();
    assertThat(result.status()).isEqualTo(PropertyResult.Status.FAILED);
    assertThat(result.seed()).isEqualTo(4242L);
    assertThat(result.counterexample()).containsExactly(1000);
    assertThat((Integer) result.originalCounterexample().get(0)).isGreaterThanOrEqualTo(1000);
    assertThat(result.shrinkSteps()).isPositive();
    assertThat(result.failure()).containsInstanceOf(AssertionError.class);
    assertThat(failure.getCause()).isSameAs(result.failure().orElseThrow());
    assertThat(failure.getMessage())
        .contains("seed 4242")
        .contains(result.shrinkSteps() + " shrink steps")
        .contains("Minimal counterexample:\n  arg0 = 1000")
        .contains("Original counterexample:\n  arg0 = " + result.originalCounterexample().get(0))
        .contains("Run again with seed 4242");
  }

  @Test
  void theSameSeedRepeatsTheSameRun() {
    List<List<Integer>> first = new ArrayList<>();
    List<List<Integer>> second = new ArrayList<>();
    Gen<List<Integer>> lists = Gen.lists(Gen.integers(), 0, 8);
    PropertyCheck.forAll(lists).seed(77L).tries(60).check(first::add);
    PropertyCheck.forAll(lists).seed(77L).tries(60).check(second::add);
    assertThat(first).hasSize(60).isEqualTo(second);

    PropertyFailure a = catchThrowableOfType(PropertyFailure.class,
        () -> PropertyCheck.forAll(Gen.integers()).seed(5L).holds(n -> n % 7 != 3));
    PropertyFailure b = catchThrowableOfType(PropertyFailure.class,
        () -> PropertyCheck.forAll(Gen.integers()).seed(5L).holds(n -> n % 7 != 3));
    assertThat(a.result().originalCounterexample()).isEqualTo(b.result().originalCounterexample());
    assertThat(a.result().tries()).isEqualTo(b.result().tries());
    assertThat(a.result().counterexample()).containsExactly(3);
  }

  @Test
  void holdsFailsWhenTheConditionIsFalse() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class, () -> PropertyCheck.forAll(Gen.asciiStrings(0, 5)).holds(String::isEmpty));
    assertThat(failure.result().counterexample()).containsExactly("0");
    assertThat(failure.getMessage()).contains("arg0 = \"0\"").contains("the condition returned false");
  }

  @Test
  void edgeCasesComeFirst() {
    List<Integer> seen = new ArrayList<>();
    PropertyCheck.forAll(Gen.integers(-1000, 1000)).tries(100).seed(1L).check(seen::add);
    // Simplest, largest, then every boundary value, before any random value.
    assertThat(seen.subList(0, 9)).containsExactlyInAnyOrder(0, -1000, 0, -1000, 1000, -1, 1, -999, 999);
    assertThat(seen.get(0)).isZero();

    List<List<Integer>> lists = new ArrayList<>();
    PropertyCheck.forAll(Gen.lists(Gen.integers(0, 9), 0, 4)).tries(50).seed(1L).check(lists::add);
    assertThat(lists.get(0)).isEmpty();
    assertThat(lists.get(1)).containsExactly(9, 9, 9, 9);

    List<String> strings = new ArrayList<>();
    PropertyCheck.forAll(Gen.asciiStrings(0, 5)).tries(10).seed(1L).check(strings::add);
    assertThat(strings.get(0)).isEmpty();
  }

  @Test
  void aFilterThatRejectsTooMuchFailsNamingTheFilter() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                PropertyCheck.forAll(Gen.integers(0, 1_000_000).filter("equal to 777777", n -> n == 777_777))
                    .seed(3L)
                    .check(n -> assertThat(n).isEqualTo(777_777)));
    assertThat(failure.result().status()).isEqualTo(PropertyResult.Status.GAVE_UP);
    assertThat(failure.result().discards()).isGreaterThan(100);
    assertThat(failure.getMessage())
        .contains("Too many examples were discarded")
        .contains("filter 'equal to 777777' rejected")
        .contains("instead of filtering");
  }

  @Test
  void anUnnamedFilterIsNamedByWhereItWasCreated() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> PropertyCheck.forAll(Gen.integers().filter(n -> n == 123_456_789)).check(n -> { }));
    assertThat(failure.getMessage()).contains("filter 'created at PropertyCheckTest.java:");
  }

  @Test
  void aFilterThatRejectsSomeValuesIsFine() {
    PropertyResult result =
        PropertyCheck.forAll(Gen.integers(0, 100).filter("even", n -> n % 2 == 0)).tries(300).holds(n -> n % 2 == 0);
    assertThat(result.tries()).isEqualTo(300);
  }

  @Test
  void filteredGeneratorsShrinkToo() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                PropertyCheck.forAll(Gen.integers(0, 10_000).filter("even", n -> n % 2 == 0).map(n -> n + 1))
                    .seed(8L)
                    .holds(n -> n < 500));
    assertThat(failure.result().counterexample()).containsExactly(501);
  }

  @Test
  void flatMappedGeneratorsShrinkToo() {
    Gen<List<Integer>> sized = Gen.integers(0, 20).flatMap(n -> Gen.lists(Gen.integers(0, 50), n, n));
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class, () -> PropertyCheck.forAll(sized).seed(9L).holds(l -> l.stream().mapToInt(i -> i).sum() <= 60));
    assertThat(failure.result().counterexample()).containsExactly(List.of(11, 50));
  }

  @Test
  void assumptionsDiscardExamplesInsteadOfFailing() {
    PropertyResult result =
        PropertyCheck.forAll(Gen.integers(0, 9))
            .tries(100)
            .check(
                n -> {
                  Assumptions.assumeTrue(n != 5);
                  assertThat(n).isNotEqualTo(5);
                });
    assertThat(result.tries()).isEqualTo(100);
    assertThat(result.discards()).isPositive();
  }

  @Test
  void labelsAreCountedAndReported() {
    PropertyResult result =
        PropertyCheck.forAll(Gen.lists(Gen.integers(), 0, 5))
            .tries(400)
            .seed(11L)
            .check(
                list -> {
                  Stats.label(list.isEmpty() ? "empty list" : "non-empty list");
                  Stats.label(list.size() > 3, "long");
                });
    assertThat(result.labels().keySet()).containsExactlyInAnyOrder("non-empty list", "empty list", "long");
    assertThat(new ArrayList<>(result.labels().values())).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(result.labels().get("empty list") + result.labels().get("non-empty list")).isEqualTo(400);
    assertThat(result.labelPercentage("empty list")).isBetween(1.0, 60.0);
    assertThat(result.labelPercentage("empty list") + result.labelPercentage("non-empty list")).isEqualTo(100.0);
    assertThat(result.labelPercentage("never used")).isZero();
    assertThat(result.summary()).contains("Labels:").contains("% empty list (");
  }

  @Test
  void fourGeneratorsAndBooleanConditions() {
    PropertyResult result =
        PropertyCheck.forAll(Gen.integers(), Gen.longs(), Gen.booleans(), Gen.strings())
            .tries(50)
            .holds((i, l, b, s) -> s.length() <= 20);
    assertThat(result.tries()).isEqualTo(50);
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                PropertyCheck.forAll(Gen.integers(0, 9), Gen.integers(0, 9), Gen.integers(0, 9))
                    .holds((a, b, c) -> a + b + c < 20));
    assertThat(failure.result().counterexample()).containsExactly(2, 9, 9);
  }

  @Test
  void anyThrowableFailsTheProperty() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                PropertyCheck.forAll(Gen.integers(0, 10))
                    .check(
                        n -> {
                          if (n > 3) {
                            throw new java.io.IOException("too big: " + n);
                          }
                        }));
    assertThat(failure.result().counterexample()).containsExactly(4);
    assertThat(failure.getCause()).isInstanceOf(java.io.IOException.class).hasMessage("too big: 4");
  }

  @Test
  void shrinkingCanBeLimited() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> PropertyCheck.forAll(Gen.integers(0, 100_000)).seed(1L).maxShrinkRuns(0).holds(n -> n < 10));
    assertThat(failure.result().shrinkSteps()).isZero();
    assertThat(failure.result().counterexample()).isEqualTo(failure.result().originalCounterexample());
  }

  @Test
  void aPassingRunIsLoggedWithItsTries() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("dev.rapport.crm.property");
    List<java.util.logging.LogRecord> records = new ArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      PropertyCheck.forAll(Gen.integers()).id("logged").tries(37).holds(n -> true);
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(records)
        .anySatisfy(
            r -> {
              assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.INFO);
              assertThat(r.getMessage()).contains("Property logged passed 37 tries (seed ");
            });
  }
}
