package dev.rapport.crm.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every generator stays within its bounds and produces the variety it promises. */
class GenTest {
  private static final long SEED = 20261122L;

  @Test
  void integersStayInRangeAndCoverBothSigns() {
    List<Integer> values = Gen.integers(-50, 70).samples(2000, SEED);
    assertThat(values).allMatch(v -> v >= -50 && v <= 70);
    assertThat(values).contains(-50, 70, 0).anyMatch(v -> v < 0).anyMatch(v -> v > 0);
  }

  @Test
  void fullRangeIntegersAndLongsIncludeLargeAndSmallMagnitudes() {
    List<Integer> ints = Gen.integers().samples(2000, SEED);
    assertThat(ints).anyMatch(v -> Math.abs((long) v) < 100).anyMatch(v -> Math.abs((long) v) > 1_000_000);
    List<Long> longs = Gen.longs().samples(2000, SEED);
    assertThat(longs).anyMatch(v -> v < -(1L << 40)).anyMatch(v -> v > (1L << 40)).anyMatch(v -> Math.abs(v) < 100);
    assertThat(Gen.longs(Long.MIN_VALUE, Long.MIN_VALUE + 3).samples(200, SEED))
        .allMatch(v -> v >= Long.MIN_VALUE && v <= Long.MIN_VALUE + 3);
  }

  @Test
  void booleansGiveBoth() {
    assertThat(Gen.booleans().samples(100, SEED)).contains(true, false);
  }

  @Test
  void bigDecimalsHaveTheScaleAndStayInRange() {
    BigDecimal min = new BigDecimal("-10.005");
    BigDecimal max = new BigDecimal("99.999");
    List<BigDecimal> values = Gen.bigDecimals(min, max, 2).samples(1000, SEED);
    assertThat(values).allMatch(v -> v.scale() == 2);
    assertThat(values).allMatch(v -> v.compareTo(new BigDecimal("-10.00")) >= 0 && v.compareTo(new BigDecimal("99.99")) <= 0);
    assertThat(values).anyMatch(v -> v.signum() < 0).anyMatch(v -> v.compareTo(BigDecimal.TEN) > 0);
    assertThatThrownBy(() -> Gen.bigDecimals(new BigDecimal("0.001"), new BigDecimal("0.009"), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asciiStringsAreAsciiWithinLength() {
    List<String> values = Gen.asciiStrings(2, 6).samples(500, SEED);
    assertThat(values).allMatch(s -> s.length() >= 2 && s.length() <= 6);
    assertThat(values).allMatch(s -> s.chars().allMatch(c -> c < 128));
    assertThat(Gen.strings().samples(500, SEED)).contains("").allMatch(s -> s.length() <= 20);
  }

  @Test
  void unicodeStringsContainSurrogatePairsButNoLoneSurrogates() {
    List<String> values = Gen.unicodeStrings(0, 20).samples(300, SEED);
    assertThat(values).anyMatch(s -> s.codePoints().anyMatch(cp -> cp > 0xFFFF));
    assertThat(values).anyMatch(s -> s.chars().anyMatch(c -> Character.isHighSurrogate((char) c)));
    assertThat(values).anyMatch(s -> s.codePoints().anyMatch(cp -> cp > 127 && cp <= 0xFFFF));
    for (String s : values) {
      assertThat(s.codePointCount(0, s.length())).isBetween(0, 20);
      assertThat(s.codePoints()).noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
    }
  }

  @Test
  void whitespaceStringsAreBlank() {
    List<String> values = Gen.whitespaceStrings(1, 8).samples(300, SEED);
    assertThat(values).allMatch(s -> !s.isEmpty() && s.isBlank());
    assertThat(values).anyMatch(s -> s.contains("\t") || s.contains("\n"));
    assertThat(values).anyMatch(s -> s.codePoints().anyMatch(cp -> cp > 127));
  }

  @Test
  void charsStayInRange() {
    assertThat(Gen.chars('a', 'f').samples(300, SEED)).allMatch(c -> c >= 'a' && c <= 'f').contains('a', 'f');
    assertThat(Gen.chars('\u00e0', '\u00ff').samples(300, SEED)).allMatch(c -> c >= '\u00e0' && c <= '\u00ff');
    assertThat(Gen.asciiChars().samples(300, SEED)).allMatch(c -> c < 128);
    assertThat(Gen.strings(Gen.chars('0', '9'), 1, 4).samples(100, SEED))
        .allMatch(s -> s.matches("[0-9]{1,4}"));
  }

  @Test
  void enumsElementsAndConstants() {
    assertThat(Gen.enums(DayOfWeek.class).samples(300, SEED)).containsAll(List.of(DayOfWeek.values()));
    assertThat(Gen.elements("x", "y").samples(100, SEED)).containsOnly("x", "y").contains("x", "y");
    assertThat(Gen.constant("same").samples(10, SEED)).containsOnly("same");
    assertThatThrownBy(() -> Gen.elements(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void datesAndInstantsStayInRange() {
    LocalDate from = LocalDate.of(2024, 2, 27);
    LocalDate to = LocalDate.of(2024, 3, 2);
    assertThat(Gen.dates(from, to).samples(300, SEED))
        .allMatch(d -> !d.isBefore(from) && !d.isAfter(to))
        .contains(LocalDate.of(2024, 2, 29));
    Instant start = Instant.parse("2026-01-01T00:00:00.5Z");
    Instant end = Instant.parse("2026-01-01T00:00:03.25Z");
    List<Instant> instants = Gen.instants(start, end).samples(500, SEED);
    assertThat(instants).allMatch(i -> !i.isBefore(start) && !i.isAfter(end));
    assertThat(instants.stream().map(Instant::getEpochSecond).collect(Collectors.toSet())).hasSize(4);
  }

  @Test
  void collectionsRespectTheirSizeBounds() {
    List<List<Integer>> lists = Gen.lists(Gen.integers(), 2, 5).samples(300, SEED);
    assertThat(lists).allMatch(l -> l.size() >= 2 && l.size() <= 5);
    assertThat(lists.stream().map(List::size).collect(Collectors.toSet())).containsExactlyInAnyOrder(2, 3, 4, 5);
    List<Set<Integer>> sets = Gen.sets(Gen.integers(0, 9), 3, 6).samples(300, SEED);
    assertThat(sets).allMatch(s -> s.size() >= 3 && s.size() <= 6);
    List<Map<String, Integer>> maps = Gen.maps(Gen.asciiStrings(1, 3), Gen.integers(), 1, 4).samples(300, SEED);
    assertThat(maps).allMatch(m -> m.size() >= 1 && m.size() <= 4);
    assertThat(Gen.lists(Gen.integers()).samples(300, SEED)).allMatch(l -> l.size() <= 10).anyMatch(List::isEmpty);
  }

  @Test
  void setsThatCannotReachTheirMinimumSizeAreDiscarded() {
    assertThatThrownBy(() -> Gen.sets(Gen.integers(0, 2), 5, 5).samples(1, SEED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("distinct");
  }

  @Test
  void oneOfAndFrequencyPickAlternativesByWeight() {
    List<Integer> oneOf = Gen.oneOf(Gen.constant(1), Gen.constant(2)).samples(400, SEED);
    assertThat(oneOf).contains(1, 2);
    List<String> weighted =
        Gen.frequency(Map.entry(9, Gen.constant("common")), Map.entry(1, Gen.constant("rare"))).samples(2000, SEED);
    long rare = weighted.stream().filter("rare"::equals).count();
    assertThat(rare).isBetween(100L, 320L);
    assertThatThrownBy(() -> Gen.frequency(Map.entry(0, Gen.constant(1)))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void combinatorsMapFlatMapFilterZip() {
    assertThat(Gen.integers(0, 100).map(i -> i * 2).samples(200, SEED)).allMatch(i -> i % 2 == 0);
    assertThat(
            Gen.integers(1, 5)
                .flatMap(n -> Gen.lists(Gen.constant(n), n, n))
                .samples(200, SEED))
        .allMatch(l -> l.size() == l.get(0));
    assertThat(Gen.integers(0, 100).filter("odd", i -> i % 2 == 1).samples(200, SEED)).allMatch(i -> i % 2 == 1);
    assertThat(Gen.zip(Gen.integers(0, 5), Gen.integers(10, 15), (a, b) -> b - a).samples(200, SEED))
        .allMatch(d -> d >= 5 && d <= 15);
  }

  /** A tree: a leaf with a value or a node with two subtrees. */
  interface Tree {
    int size();
  }

  static final class Leaf implements Tree {
    @Override
    public int size() {
      return 1;
    }
  }

  static final class Node implements Tree {
    final Tree left;
    final Tree right;

    Node(Tree left, Tree right) {
      this.left = left;
      this.right = right;
    }

    @Override
    public int size() {
      return 1 + left.size() + right.size();
    }
  }

  static final Gen<Tree> TREES =
      Gen.lazy(
          () ->
              Gen.frequency(
                  Map.entry(3, Gen.constant(new Leaf())),
                  Map.entry(2, Gen.zip(GenTest.TREES, GenTest.TREES, Node::new))));

  @Test
  void lazyRecursiveGeneratorsTerminateAndVary() {
    List<Tree> trees = TREES.samples(300, SEED);
    assertThat(trees).anyMatch(t -> t.size() == 1).anyMatch(t -> t.size() >= 5);
  }

  @Test
  void invalidBoundsAreRejected() {
    assertThatThrownBy(() -> Gen.integers(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gen.lists(Gen.integers(), 3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gen.asciiStrings(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gen.dates(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameSeedGivesTheSameValues() {
    Gen<List<String>> gen = Gen.lists(Gen.unicodeStrings(0, 10), 0, 10);
    assertThat(gen.samples(50, 99L)).isEqualTo(gen.samples(50, 99L)).isNotEqualTo(gen.samples(50, 100L));
  }
}
