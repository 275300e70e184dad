package dev.rapport.crm.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known shrinking targets: each failing property must shrink to exactly this example. */
class ShrinkingTest {

  private static PropertyResult failure(Runnable property) {
    PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, property::run);
    assertThat(failure).as("the property should fail").isNotNull();
    return failure.result();
  }

  @Test
  void listWithAnElementAbove100ShrinksToTheSingleElementList101() {
    for (long seed = 1; seed <= 5; seed++) {
      long s = seed;
      PropertyResult result =
          failure(
              () ->
                  PropertyCheck.forAll(Gen.lists(Gen.integers(), 0, 20))
                      .seed(s)
                      .check(list -> assertThat(list).allMatch(x -> x <= 100)));
      assertThat(result.counterexample()).containsExactly(List.of(101));
    }
  }

  @Test
  void stringContainingADigitShrinksToZero() {
    for (long seed = 1; seed <= 5; seed++) {
      long s = seed;
      PropertyResult result =
          failure(
              () ->
                  PropertyCheck.forAll(Gen.unicodeStrings(0, 30))
                      .seed(s)
                      .holds(str -> str.chars().noneMatch(Character::isDigit)));
      assertThat(result.counterexample()).containsExactly("0");
    }
  }

  /**
   * With a and b in [0, 1000] the shortlex-smallest failing pair is (1, 1000): the sum is exactly
   * 1001 and a is as small as b's upper bound allows.
   */
  @Test
  void sumAbove1000ShrinksToTheMinimalPair() {
    for (long seed = 1; seed <= 5; seed++) {
      long s = seed;
      PropertyResult result =
          failure(
              () ->
                  PropertyCheck.forAll(Gen.integers(0, 1000), Gen.integers(0, 1000))
                      .seed(s)
                      .holds((a, b) -> a + b <= 1000));
      int a = (Integer) result.counterexample().get(0);
      int b = (Integer) result.counterexample().get(1);
      assertThat(a + b).isEqualTo(1001);
      assertThat(a).isEqualTo(1);
      assertThat(b).isEqualTo(1000);
    }
  }

  @Test
  void integersShrinkTowardZeroOrTheRangeEndClosestToIt() {
    assertThat(failure(() -> PropertyCheck.forAll(Gen.integers(10, 20)).holds(n -> false)).counterexample())
        .containsExactly(10);
    assertThat(failure(() -> PropertyCheck.forAll(Gen.integers(-20, -10)).holds(n -> false)).counterexample())
        .containsExactly(-10);
    assertThat(failure(() -> PropertyCheck.forAll(Gen.longs()).holds(n -> n > -5)).counterexample())
        .containsExactly(-5L);
    assertThat(
            failure(() -> PropertyCheck.forAll(Gen.integers()).seed(3L).holds(n -> Math.abs((long) n) < 5000))
                .counterexample())
        .containsAnyOf(5000, -5000);
  }

  @Test
  void stringsShrinkToShorterAndSimplerCharacters() {
    assertThat(
            failure(() -> PropertyCheck.forAll(Gen.asciiStrings(0, 30)).seed(1L).holds(s -> s.chars().noneMatch(Character::isUpperCase)))
                .counterexample())
        .containsExactly("A");
    assertThat(
            failure(() -> PropertyCheck.forAll(Gen.asciiStrings(0, 30)).seed(1L).holds(s -> s.length() < 3))
                .counterexample())
        .containsExactly("000");
    assertThat(
            failure(() -> PropertyCheck.forAll(Gen.whitespaceStrings(0, 10)).seed(1L).holds(s -> s.length() < 2))
                .counterexample())
        .containsExactly("  ");
    // The simplest supplementary code point is U+10000, a surrogate pair in UTF-16.
    assertThat(
            failure(
                    () ->
                        PropertyCheck.forAll(Gen.unicodeStrings(0, 30))
                            .seed(1L)
                            .holds(s -> s.codePoints().allMatch(cp -> cp <= 0xFFFF)))
                .counterexample())
        .containsExactly(new String(Character.toChars(0x10000)));
  }

  @Test
  void datesShrinkTowardTheStartOfTheirRange() {
    java.time.LocalDate start = java.time.LocalDate.of(2020, 1, 1);
    PropertyResult result =
        failure(
            () ->
                PropertyCheck.forAll(Gen.dates(start, java.time.LocalDate.of(2030, 1, 1)))
                    .seed(2L)
                    .holds(d -> d.getYear() < 2025));
    assertThat(result.counterexample()).containsExactly(java.time.LocalDate.of(2025, 1, 1));
  }

  @Test
  void setsAndMapsShrinkToFewerSimplerEntries() {
    PropertyResult sets =
        failure(() -> PropertyCheck.forAll(Gen.sets(Gen.integers(0, 100), 0, 10)).seed(4L).holds(s -> s.size() < 3));
    assertThat(sets.counterexample()).containsExactly(java.util.Set.of(0, 1, 2));
    PropertyResult maps =
        failure(
            () ->
                PropertyCheck.forAll(Gen.maps(Gen.integers(0, 9), Gen.asciiStrings(0, 4), 0, 6))
                    .seed(4L)
                    .holds(m -> !m.containsValue("x")));
    assertThat(maps.counterexample()).containsExactly(java.util.Map.of(0, "x"));
  }

  @Test
  void oneOfShrinksTowardTheFirstAlternative() {
    PropertyResult result =
        failure(
            () ->
                PropertyCheck.forAll(Gen.oneOf(Gen.integers(0, 10), Gen.integers(1000, 2000)))
                    .seed(5L)
                    .holds(n -> n < 5));
    assertThat(result.counterexample()).containsExactly(5);
  }
}
