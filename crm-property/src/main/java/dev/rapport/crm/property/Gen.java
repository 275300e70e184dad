package dev.rapport.crm.property;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A generator of values of type {@code T}: immutable, reusable, and composable.
 *
 * <p>Generators never shrink values themselves. Every generator draws its randomness as a
 * sequence of simple choices; when a property fails, the engine simplifies that choice sequence
 * and generates again. So every generator, including ones built with {@link #map}, {@link
 * #flatMap} and {@link #filter}, shrinks without any extra code: numbers toward zero (or the
 * range end closest to zero), collections and strings toward fewer elements, characters toward
 * {@code '0'} and {@code 'a'}, {@link #oneOf} and {@link #frequency} toward their first
 * alternative, dates and instants toward the start of their range.
 *
 * <p>The first tries of a property use edge cases: first every generator's simplest value (0,
 * empty collections, the empty string), then its largest (the biggest collections of the most
 * extreme values), then boundary values (range ends, their neighbours, 0, 1, -1).
 *
 * <pre>{@code
 * Gen<Money> amounts = Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("10000"), 2).map(Money::eur);
 * Gen<List<String>> tags = Gen.lists(Gen.asciiStrings(1, 8), 0, 5);
 * Gen<Integer> evens = Gen.integers(0, 1000).map(i -> i * 2);
 * }</pre>
 *
 * @param <T> the type of generated values
 */
public final class Gen<T> {
  /** How a generator turns choices into a value. */
  @FunctionalInterface
  interface Fn<T> {
    T generate(Source source);
  }

  private static final int FILTER_ATTEMPTS = 25;
  private static final int UNIQUE_ATTEMPTS = 10;

  private final Fn<T> fn;

  Gen(Fn<T> fn) {
    this.fn = fn;
  }

  T generate(Source source) {
    return fn.generate(source);
  }

  // ---------------------------------------------------------------------------------------------
  // Combinators

  /**
   * A generator of {@code f} applied to this generator's values; shrinks as this one does.
   *
   * <pre>{@code
   * Gen<String> ids = Gen.integers(1, 9999).map(n -> "C-" + n);
   * }</pre>
   *
   * @param f the function applied to each value
   * @param <R> the type of the mapped values
   * @return the mapped generator
   */
  public <R> Gen<R> map(Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return new Gen<>(s -> f.apply(generate(s)));
  }

  /**
   * A generator that uses each value of this generator to choose the generator of the result:
   * for values that depend on each other, such as a list and an index into it.
   *
   * <pre>{@code
   * Gen<List<Integer>> sameSize = Gen.integers(1, 5).flatMap(n -> Gen.lists(Gen.integers(), n, n));
   * }</pre>
   *
   * @param f the function choosing the next generator from a value
   * @param <R> the type of the resulting values
   * @return the dependent generator
   */
  public <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
    Objects.requireNonNull(f, "f");
    return new Gen<>(s -> f.apply(generate(s)).generate(s));
  }

  /**
   * Keeps only values that satisfy {@code predicate}, naming the filter in diagnostics by the
   * place in the source code where it was created. See {@link #filter(String, Predicate)}.
   *
   * @param predicate the condition values must meet
   * @return the filtered generator
   */
  public Gen<T> filter(Predicate<? super T> predicate) {
    return filter("created at " + Engine.callerLocation(), predicate);
  }

  /**
   * Keeps only values that satisfy {@code predicate}. Each example tries up to 25 values before it
   * is discarded; a property that discards more than five examples per try (at least 100 in all)
   * fails with an error naming the filter that rejected the most values. Prefer building valid
   * values directly (with {@link #map}) when a filter would reject most of them.
   *
   * <pre>{@code
   * Gen<Integer> odd = Gen.integers(0, 100).filter("odd", i -> i % 2 == 1);
   * }</pre>
   *
   * @param description a short name for the filter, used in error messages
   * @param predicate the condition values must meet
   * @return the filtered generator
   */
  public Gen<T> filter(String description, Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    String name = "'" + Objects.requireNonNull(description, "description") + "'";
    return new Gen<>(
        s -> {
          for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
            T value = generate(s);
            boolean accepted = predicate.test(value);
            s.filtered(name, accepted);
            if (accepted) {
              return value;
            }
          }
          throw new Reject("filter " + name + " rejected " + FILTER_ATTEMPTS + " values in a row");
        });
  }

  /**
   * Generates {@code count} values from {@code seed}, the same ones for the same seed: handy to
   * look at what a generator produces. Uses random tries only (no edge cases).
   *
   * <pre>{@code
   * List<String> some = Gen.unicodeStrings(0, 10).samples(20, 42L);
   * }</pre>
   *
   * @param count how many values to generate
   * @param seed the seed of the random choices
   * @return the generated values, in order
   * @throws IllegalStateException if a filter rejects almost everything
   */
  public List<T> samples(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<T> out = new ArrayList<>(count);
    int rejected = 0;
    while (out.size() < count) {
      try {
        out.add(generate(Source.generating(Source.Mode.RANDOM, random, 0, null)));
      } catch (Reject reject) {
        if (++rejected > 100 + 10 * count) {
          throw new IllegalStateException("gave up generating samples: " + reject.reason(), reject);
        }
      }
    }
    return out;
  }

  /**
   * A generator of {@code f} applied to a value of each generator.
   *
   * <pre>{@code
   * Gen<Range> ranges = Gen.zip(Gen.integers(0, 10), Gen.integers(0, 10), (a, b) -> new Range(a, a + b));
   * }</pre>
   *
   * @param a the first generator
   * @param b the second generator
   * @param f combines the two values
   * @param <A> the first generator's type
   * @param <B> the second generator's type
   * @param <R> the result type
   * @return the combined generator
   */
  public static <A, B, R> Gen<R> zip(
      Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(f, "f");
    return new Gen<>(
        s -> {
          A first = a.generate(s);
          B second = b.generate(s);
          return f.apply(first, second);
        });
  }

  /**
   * A generator built on first use, so that a generator can refer to itself. The recursive case
   * must not be the first alternative of a {@link #oneOf} or {@link #frequency}: generation and
   * shrinking end in the first alternative. Nesting deeper than 150 levels discards the example.
   *
   * <pre>{@code
   * static final Gen<Tree> TREES = Gen.lazy(() -> Gen.frequency(
   *     Map.entry(3, Gen.integers(0, 9).map(Leaf::new)),
   *     Map.entry(1, Gen.zip(Trees.TREES, Trees.TREES, Node::new))));
   * }</pre>
   *
   * @param supplier supplies the generator, called once
   * @param <T> the type of generated values
   * @return the lazy generator
   */
  public static <T> Gen<T> lazy(Supplier<? extends Gen<T>> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    return new Gen<>(
        new Fn<T>() {
          private volatile Gen<T> gen;

          @Override
          public T generate(Source s) {
            Gen<T> g = gen;
            if (g == null) {
              g = Objects.requireNonNull(supplier.get(), "the lazy supplier returned null");
              gen = g;
            }
            s.enter();
            try {
              return g.generate(s);
            } finally {
              s.exit();
            }
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Choice between values and generators

  /**
   * Always {@code value}.
   *
   * <pre>{@code
   * Gen<String> empty = Gen.constant("");
   * }</pre>
   *
   * @param value the value
   * @param <T> its type
   * @return a generator of just that value
   */
  public static <T> Gen<T> constant(T value) {
    return new Gen<>(s -> value);
  }

  /**
   * One of the given values; shrinks toward the first.
   *
   * <pre>{@code
   * Gen<String> currencies = Gen.elements("EUR", "USD", "GBP");
   * }</pre>
   *
   * @param values the values to choose from
   * @param <T> their type
   * @return a generator of those values
   * @throws IllegalArgumentException if no value is given
   */
  @SafeVarargs
  public static <T> Gen<T> elements(T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T value : values) {
      list.add(value);
    }
    return elements(list);
  }

  /**
   * One of the given values; shrinks toward the first.
   *
   * <pre>{@code
   * Gen<String> stages = Gen.elements(List.of("lead", "qualified", "won"));
   * }</pre>
   *
   * @param values the values to choose from (copied)
   * @param <T> their type
   * @return a generator of those values
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public static <T> Gen<T> elements(Collection<? extends T> values) {
    List<T> copy = new ArrayList<>(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("elements needs at least one value");
    }
    long max = copy.size() - 1;
    long[] edges = max == 0 ? new long[] {0} : new long[] {0, max};
    return new Gen<>(s -> copy.get((int) s.draw(max, edges, Source::uniform)));
  }

  /**
   * One of the constants of an enum type; shrinks toward the first declared.
   *
   * <pre>{@code
   * Gen<DayOfWeek> days = Gen.enums(DayOfWeek.class);
   * }</pre>
   *
   * @param type the enum class
   * @param <E> the enum type
   * @return a generator of the enum's constants
   * @throws IllegalArgumentException if the enum has no constants
   */
  public static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
    return elements(Arrays.asList(type.getEnumConstants()));
  }

  /**
   * A value of one of the generators, each equally likely; shrinks toward the first.
   *
   * <pre>{@code
   * Gen<Integer> mostlySmall = Gen.oneOf(Gen.integers(0, 10), Gen.integers());
   * }</pre>
   *
   * @param gens the alternatives
   * @param <T> the type of generated values
   * @return a generator choosing among them
   * @throws IllegalArgumentException if no generator is given
   */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> list = new ArrayList<>(gens.length);
    for (Gen<? extends T> gen : gens) {
      list.add(Objects.requireNonNull(gen, "generator"));
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one generator");
    }
    long max = list.size() - 1;
    long[] edges = max == 0 ? new long[] {0} : new long[] {0, max};
    return new Gen<>(s -> list.get((int) s.draw(max, edges, Source::uniform)).generate(s));
  }

  /**
   * A value of one of the generators, chosen with the given weights; shrinks toward the first.
   *
   * <pre>{@code
   * Gen<String> names = Gen.frequency(
   *     Map.entry(9, Gen.asciiStrings(1, 12)),
   *     Map.entry(1, Gen.unicodeStrings(1, 12)));
   * }</pre>
   *
   * @param weighted pairs of a positive weight and a generator
   * @param <T> the type of generated values
   * @return a generator choosing among them by weight
   * @throws IllegalArgumentException if there is no pair or a weight is not positive
   */
  @SafeVarargs
  public static <T> Gen<T> frequency(Map.Entry<Integer, ? extends Gen<? extends T>>... weighted) {
    if (weighted.length == 0) {
      throw new IllegalArgumentException("frequency needs at least one weighted generator");
    }
    List<Gen<? extends T>> gens = new ArrayList<>();
    long[] cumulative = new long[weighted.length];
    long total = 0;
    for (int i = 0; i < weighted.length; i++) {
      int weight = weighted[i].getKey();
      if (weight <= 0) {
        throw new IllegalArgumentException("weights must be positive: " + weight);
      }
      total += weight;
      cumulative[i] = total;
      gens.add(Objects.requireNonNull(weighted[i].getValue(), "generator"));
    }
    long sum = total;
    long max = gens.size() - 1;
    long[] edges = max == 0 ? new long[] {0} : new long[] {0, max};
    Source.Sampler byWeight =
        (r, m) -> {
          long pick = r.nextLong(sum);
          int i = 0;
          while (cumulative[i] <= pick) {
            i++;
          }
          return i;
        };
    return new Gen<>(s -> gens.get((int) s.draw(max, edges, byWeight)).generate(s));
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers

  /**
   * {@code true} or {@code false}; shrinks toward {@code false}.
   *
   * <pre>{@code
   * Gen<Boolean> optedIn = Gen.booleans();
   * }</pre>
   *
   * @return a generator of booleans
   */
  public static Gen<Boolean> booleans() {
    long[] edges = {0, 1};
    return new Gen<>(s -> s.draw(1, edges, Source::uniform) == 1);
  }

  /**
   * Any {@code int}; shrinks toward 0.
   *
   * <pre>{@code
   * Gen<Integer> any = Gen.integers();
   * }</pre>
   *
   * @return a generator of ints
   */
  public static Gen<Integer> integers() {
    return integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /**
   * An {@code int} from {@code min} to {@code max}, both included; shrinks toward 0, or the end
   * of the range closest to 0.
   *
   * <pre>{@code
   * Gen<Integer> percent = Gen.integers(0, 100);
   * }</pre>
   *
   * @param min the smallest value
   * @param max the largest value
   * @return a generator of ints in the range
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Integer> integers(int min, int max) {
    Fn<Long> longs = longs(min, max).fn;
    return new Gen<>(s -> longs.generate(s).intValue());
  }

  /**
   * Any {@code long}; shrinks toward 0.
   *
   * <pre>{@code
   * Gen<Long> any = Gen.longs();
   * }</pre>
   *
   * @return a generator of longs
   */
  public static Gen<Long> longs() {
    return longs(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * A {@code long} from {@code min} to {@code max}, both included; shrinks toward 0, or the end of
   * the range closest to 0.
   *
   * <pre>{@code
   * Gen<Long> cents = Gen.longs(0, 100_000_000L);
   * }</pre>
   *
   * @param min the smallest value
   * @param max the largest value
   * @return a generator of longs in the range
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Long> longs(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min > max: " + min + " > " + max);
    }
    long maxChoice = Ints.maxChoice(min, max);
    long[] edges = Ints.edges(min, max);
    return new Gen<>(s -> Ints.value(min, max, s.draw(maxChoice, edges, Source::biased)));
  }

  /**
   * A decimal with exactly {@code scale} digits after the point, from {@code min} to {@code max}
   * (rounded inward to that scale); shrinks toward 0 or the end of the range closest to 0. The
   * range in units of the scale (for example cents) must fit in a {@code long}.
   *
   * <pre>{@code
   * Gen<BigDecimal> amounts = Gen.bigDecimals(new BigDecimal("-500"), new BigDecimal("500"), 2);
   * }</pre>
   *
   * @param min the smallest value
   * @param max the largest value
   * @param scale the number of digits after the decimal point
   * @return a generator of decimals
   * @throws IllegalArgumentException if the range is empty at that scale or too large
   */
  public static Gen<BigDecimal> bigDecimals(BigDecimal min, BigDecimal max, int scale) {
    BigInteger lo = min.setScale(scale, RoundingMode.CEILING).unscaledValue();
    BigInteger hi = max.setScale(scale, RoundingMode.FLOOR).unscaledValue();
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException(
          "no value with scale " + scale + " between " + min + " and " + max);
    }
    if (lo.bitLength() > 63 || hi.bitLength() > 63) {
      throw new IllegalArgumentException(
          "the range " + min + " to " + max + " at scale " + scale + " does not fit in a long");
    }
    return longs(lo.longValue(), hi.longValue()).map(unscaled -> BigDecimal.valueOf(unscaled, scale));
  }

  // ---------------------------------------------------------------------------------------------
  // Characters and strings

  /**
   * An ASCII character (mostly printable); shrinks toward {@code '0'}, then digits, lower case,
   * upper case, space, punctuation, control characters.
   *
   * <pre>{@code
   * Gen<Character> c = Gen.asciiChars();
   * }</pre>
   *
   * @return a generator of ASCII characters
   */
  public static Gen<Character> asciiChars() {
    Alphabet ascii = Alphabet.ascii();
    return new Gen<>(s -> (char) ascii.draw(s));
  }

  /**
   * A character from {@code min} to {@code max}, both included; ASCII ones shrink as in {@link
   * #asciiChars()}, others toward the lowest.
   *
   * <pre>{@code
   * Gen<Character> hex = Gen.oneOf(Gen.chars('0', '9'), Gen.chars('a', 'f'));
   * }</pre>
   *
   * @param min the lowest character
   * @param max the highest character
   * @return a generator of characters in the range
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Character> chars(char min, char max) {
    Alphabet range = Alphabet.range(min, max);
    return new Gen<>(s -> (char) range.draw(s));
  }

  /**
   * An ASCII string of 0 to 20 characters; see {@link #asciiStrings(int, int)}.
   *
   * <pre>{@code
   * Gen<String> names = Gen.strings();
   * }</pre>
   *
   * @return a generator of short ASCII strings, including the empty string
   */
  public static Gen<String> strings() {
    return asciiStrings(0, 20);
  }

  /**
   * An ASCII string with {@code minLength} to {@code maxLength} characters, mostly printable ones;
   * shrinks toward shorter strings of simpler characters ({@code "0"}, then {@code "a"} ...).
   *
   * <pre>{@code
   * Gen<String> codes = Gen.asciiStrings(1, 8);
   * }</pre>
   *
   * @param minLength the fewest characters
   * @param maxLength the most characters
   * @return a generator of ASCII strings
   * @throws IllegalArgumentException if the bounds are negative or reversed
   */
  public static Gen<String> asciiStrings(int minLength, int maxLength) {
    return codePointStrings(Alphabet.ascii(), minLength, maxLength);
  }

  /**
   * A string of any Unicode code points, {@code minLength} to {@code maxLength} of them (a
   * supplementary code point takes two {@code char}s, a surrogate pair, so {@link String#length()}
   * may be up to twice the code point count). About a quarter of the code points are
   * supplementary; lone surrogates never occur. Shrinks like {@link #asciiStrings(int, int)}.
   *
   * <pre>{@code
   * Gen<String> anyText = Gen.unicodeStrings(0, 30);
   * }</pre>
   *
   * @param minLength the fewest code points
   * @param maxLength the most code points
   * @return a generator of Unicode strings
   * @throws IllegalArgumentException if the bounds are negative or reversed
   */
  public static Gen<String> unicodeStrings(int minLength, int maxLength) {
    return codePointStrings(Alphabet.unicode(), minLength, maxLength);
  }

  /**
   * A string made only of whitespace ({@link Character#isWhitespace(int)}: spaces, tabs, line
   * breaks, Unicode spaces), {@code minLength} to {@code maxLength} characters; shrinks toward
   * spaces.
   *
   * <pre>{@code
   * Gen<String> blank = Gen.whitespaceStrings(1, 5);
   * }</pre>
   *
   * @param minLength the fewest characters
   * @param maxLength the most characters
   * @return a generator of whitespace-only strings
   * @throws IllegalArgumentException if the bounds are negative or reversed
   */
  public static Gen<String> whitespaceStrings(int minLength, int maxLength) {
    return codePointStrings(Alphabet.whitespace(), minLength, maxLength);
  }

  /**
   * A string of characters from {@code chars}, {@code minLength} to {@code maxLength} of them.
   *
   * <pre>{@code
   * Gen<String> digits = Gen.strings(Gen.chars('0', '9'), 1, 6);
   * }</pre>
   *
   * @param chars the generator of each character
   * @param minLength the fewest characters
   * @param maxLength the most characters
   * @return a generator of strings
   * @throws IllegalArgumentException if the bounds are negative or reversed
   */
  public static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
    checkSize(minLength, maxLength);
    Objects.requireNonNull(chars, "chars");
    return new Gen<>(
        s -> {
          StringBuilder out = new StringBuilder();
          int target = s.sizeHint(minLength, maxLength);
          for (int i = 0; i < maxLength; i++) {
            if (i >= minLength && !s.flag(i < target)) {
              break;
            }
            out.append(chars.generate(s).charValue());
          }
          return out.toString();
        });
  }

  private static Gen<String> codePointStrings(Alphabet alphabet, int minLength, int maxLength) {
    checkSize(minLength, maxLength);
    return new Gen<>(
        s -> {
          StringBuilder out = new StringBuilder();
          int target = s.sizeHint(minLength, maxLength);
          for (int i = 0; i < maxLength; i++) {
            if (i >= minLength && !s.flag(i < target)) {
              break;
            }
            out.appendCodePoint(alphabet.draw(s));
          }
          return out.toString();
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Dates and times

  /**
   * A date from {@code min} to {@code max}, both included; shrinks toward {@code min}.
   *
   * <pre>{@code
   * Gen<LocalDate> closeDates = Gen.dates(LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31));
   * }</pre>
   *
   * @param min the earliest date
   * @param max the latest date
   * @return a generator of dates
   * @throws IllegalArgumentException if {@code min} is after {@code max}
   */
  public static Gen<LocalDate> dates(LocalDate min, LocalDate max) {
    if (min.isAfter(max)) {
      throw new IllegalArgumentException("min is after max: " + min + " > " + max);
    }
    return longs(0, max.toEpochDay() - min.toEpochDay()).map(min::plusDays);
  }

  /**
   * An instant from {@code min} to {@code max}, both included, with nanosecond precision; shrinks
   * toward {@code min}.
   *
   * <pre>{@code
   * Gen<Instant> createdAt = Gen.instants(Instant.parse("2020-01-01T00:00:00Z"), Instant.now());
   * }</pre>
   *
   * @param min the earliest instant
   * @param max the latest instant
   * @return a generator of instants
   * @throws IllegalArgumentException if {@code min} is after {@code max}
   */
  public static Gen<Instant> instants(Instant min, Instant max) {
    if (min.isAfter(max)) {
      throw new IllegalArgumentException("min is after max: " + min + " > " + max);
    }
    long span = max.getEpochSecond() - min.getEpochSecond();
    long[] secondEdges = Ints.edges(0, span);
    return new Gen<>(
        s -> {
          long offset = s.draw(span, secondEdges, Source::biased);
          long second = min.getEpochSecond() + offset;
          long nanoLo = offset == 0 ? min.getNano() : 0;
          long nanoHi = offset == span ? max.getNano() : 999_999_999;
          long nanoSpan = nanoHi - nanoLo;
          long nanos = nanoLo + s.draw(nanoSpan, new long[] {0, nanoSpan}, Source::biased);
          return Instant.ofEpochSecond(second, nanos);
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Collections

  /**
   * A list of 0 to 10 elements; see {@link #lists(Gen, int, int)}.
   *
   * <pre>{@code
   * Gen<List<Integer>> lists = Gen.lists(Gen.integers());
   * }</pre>
   *
   * @param elements the generator of each element
   * @param <T> the element type
   * @return a generator of short lists
   */
  public static <T> Gen<List<T>> lists(Gen<T> elements) {
    return lists(elements, 0, 10);
  }

  /**
   * A mutable list of {@code minSize} to {@code maxSize} elements; shrinks toward fewer, simpler
   * elements. Random tries mostly make short lists, sometimes long ones; an edge-case try makes
   * one of exactly {@code maxSize} elements, so keep {@code maxSize} modest.
   *
   * <pre>{@code
   * Gen<List<String>> tags = Gen.lists(Gen.asciiStrings(1, 8), 0, 5);
   * }</pre>
   *
   * @param elements the generator of each element
   * @param minSize the fewest elements
   * @param maxSize the most elements
   * @param <T> the element type
   * @return a generator of lists
   * @throws IllegalArgumentException if the bounds are negative or reversed
   */
  public static <T> Gen<List<T>> lists(Gen<T> elements, int minSize, int maxSize) {
    checkSize(minSize, maxSize);
    Objects.requireNonNull(elements, "elements");
    return new Gen<>(
        s -> {
          int target = s.sizeHint(minSize, maxSize);
          List<T> out = new ArrayList<>(Math.min(target, 1024));
          for (int i = 0; i < maxSize; i++) {
            if (i >= minSize && !s.flag(i < target)) {
              break;
            }
            out.add(elements.generate(s));
          }
          return out;
        });
  }

  /**
   * A mutable set (keeping generation order) of {@code minSize} to {@code maxSize} distinct
   * elements; shrinks like {@link #lists(Gen, int, int)}. An example is discarded when the
   * element generator cannot produce {@code minSize} distinct values.
   *
   * <pre>{@code
   * Gen<Set<String>> emails = Gen.sets(Gen.asciiStrings(3, 10).map(s -> s + "@example.com"), 1, 4);
   * }</pre>
   *
   * @param elements the generator of each element
   * @param minSize the fewest elements
   * @param maxSize the most elements
   * @param <T> the element type
   * @return a generator of sets
   * @throws IllegalArgumentException if the bounds are negative or reversed
   */
  public static <T> Gen<Set<T>> sets(Gen<T> elements, int minSize, int maxSize) {
    checkSize(minSize, maxSize);
    Objects.requireNonNull(elements, "elements");
    return new Gen<>(
        s -> {
          int target = s.sizeHint(minSize, maxSize);
          Set<T> out = new LinkedHashSet<>();
          while (out.size() < maxSize) {
            if (out.size() >= minSize && !s.flag(out.size() < target)) {
              break;
            }
            if (!addDistinct(s, elements, out)) {
              if (out.size() >= minSize) {
                break;
              }
              throw new Reject("could not generate " + minSize + " distinct set elements");
            }
          }
          return out;
        });
  }

  /**
   * A mutable map (keeping generation order) of {@code minSize} to {@code maxSize} entries with
   * distinct keys; shrinks like {@link #lists(Gen, int, int)}.
   *
   * <pre>{@code
   * Gen<Map<String, Integer>> stock = Gen.maps(Gen.asciiStrings(1, 4), Gen.integers(0, 99), 0, 5);
   * }</pre>
   *
   * @param keys the generator of keys
   * @param values the generator of values
   * @param minSize the fewest entries
   * @param maxSize the most entries
   * @param <K> the key type
   * @param <V> the value type
   * @return a generator of maps
   * @throws IllegalArgumentException if the bounds are negative or reversed
   */
  public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int minSize, int maxSize) {
    checkSize(minSize, maxSize);
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(values, "values");
    return new Gen<>(
        s -> {
          int target = s.sizeHint(minSize, maxSize);
          Map<K, V> out = new LinkedHashMap<>();
          while (out.size() < maxSize) {
            if (out.size() >= minSize && !s.flag(out.size() < target)) {
              break;
            }
            Set<K> keySet = out.keySet();
            K key = null;
            boolean found = false;
            for (int attempt = 0; attempt < UNIQUE_ATTEMPTS && !found; attempt++) {
              key = keys.generate(s);
              found = !keySet.contains(key);
            }
            if (!found) {
              if (out.size() >= minSize) {
                break;
              }
              throw new Reject("could not generate " + minSize + " distinct map keys");
            }
            out.put(key, values.generate(s));
          }
          return out;
        });
  }

  private static <T> boolean addDistinct(Source s, Gen<T> elements, Set<T> out) {
    for (int attempt = 0; attempt < UNIQUE_ATTEMPTS; attempt++) {
      if (out.add(elements.generate(s))) {
        return true;
      }
    }
    return false;
  }

  private static void checkSize(int min, int max) {
    if (min < 0 || min > max) {
      throw new IllegalArgumentException("sizes must satisfy 0 <= min <= max: " + min + ", " + max);
    }
  }
}
