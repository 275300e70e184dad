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
}
