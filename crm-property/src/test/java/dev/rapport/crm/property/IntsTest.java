package dev.rapport.crm.property;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The choice-to-integer mapping: a bijection that orders values by distance from the target. */
class IntsTest {

  @Test
  void choicesEnumerateTheRangeByDistanceFromZero() {
    long[] expected = {0, 1, -1, 2, -2, 3, -3, 4, 5, 6};
    for (int c = 0; c < expected.length; c++) {
      assertThat(Ints.value(-3, 6, c)).isEqualTo(expected[c]);
      assertThat(Ints.choice(-3, 6, expected[c])).isEqualTo(c);
    }
    assertThat(Ints.maxChoice(-3, 6)).isEqualTo(9);
  }

  @Test
  void rangesAwayFromZeroShrinkToTheirNearEnd() {
    assertThat(Ints.value(10, 20, 0)).isEqualTo(10);
    assertThat(Ints.value(-20, -10, 0)).isEqualTo(-10);
    assertThat(Ints.value(-20, -10, 10)).isEqualTo(-20);
  }

  @Test
  void fullLongRangeRoundTrips() {
    long[] values = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 123456789L, -987654321L};
    for (long v : values) {
      long c = Ints.choice(Long.MIN_VALUE, Long.MAX_VALUE, v);
      assertThat(Ints.value(Long.MIN_VALUE, Long.MAX_VALUE, c)).isEqualTo(v);
    }
    assertThat(Ints.maxChoice(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(-1L);
    assertThat(Ints.value(Long.MIN_VALUE, Long.MAX_VALUE, -1L)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void edgesAreTheBoundaryValues() {
    long[] edges = Ints.edges(-1000, 1000);
    assertThat(java.util.Arrays.stream(edges).map(c -> Ints.value(-1000, 1000, c)).toArray())
        .containsExactly(0, -1000, 1000, -1, 1, -999, 999);
  }
}
