package dev.rapport.crm.property;

import java.util.List;
import java.util.Objects;

/**
 * The programmatic way to run a property: pick generators with {@code forAll}, optionally set
 * the number of tries or the seed, then {@code check} a body that throws when the property does
 * not hold, or {@code holds} a condition that returns {@code false} when it does not.
 *
 * <pre>{@code
 * PropertyCheck.forAll(Gen.integers(0, 100), Gen.lists(Gen.integers(), 0, 10))
 *     .tries(500)
 *     .check((n, list) -> assertThat(list.size()).isLessThanOrEqualTo(10));
 *
 * PropertyCheck.forAll(Gen.asciiStrings(0, 20)).holds(s -> s.strip().length() <= s.length());
 * }</pre>
 *
 * <p>A passing property returns its {@link PropertyResult} (tries, seed, labels) and logs a
 * summary at INFO level on the {@code dev.rapport.crm.property} logger. A failing one is shrunk to
 * a minimal counterexample and throws {@link PropertyFailure}, whose message has the seed, the
 * minimal and the original counterexample and the number of shrink steps.
 *
 * <p>The minimal failing example is stored in a small file, keyed by the property's {@link
 * ForAll1#id(String) id}, and tried first by the next run; once it passes the file is deleted.
 * The directory is set by the system property {@value #FAILURE_DIRECTORY_PROPERTY} (default
 * {@code target/property-failures}; {@code none} turns storing off).
 *
 * <p>Examples are discarded, not failed, when a {@link Gen#filter(String, java.util.function.Predicate)
 * filter} cannot find a value or the check calls a JUnit assumption that does not hold.
 */
public final class PropertyCheck {
  /** The system property naming the directory of stored failures ({@code none}: off). */
  public static final String FAILURE_DIRECTORY_PROPERTY = FailureStore.DIRECTORY;

  private PropertyCheck() {}

  static PropertyResult run(Settings settings, Engine.Trial trial) {
    PropertyResult result = Engine.run(settings, trial);
    if (!result.passed()) {
      throw new PropertyFailure(result);
    }
    return result;
  }

  private static final String FALSE = "the condition returned false";

  /**
   * Starts a property over one generated value.
   *
   * <pre>{@code
   * PropertyCheck.forAll(Gen.integers()).check(n -> assertThat(Math.abs((long) n)).isNotNegative());
   * }</pre>
   *
   * @param a the generator of the first value
   * @param <A> the type of the first value
   * @return the property, ready to check
   */
  public static <A> ForAll1<A> forAll(Gen<A> a) {
    return new ForAll1<>(Objects.requireNonNull(a, "a"), Settings.defaults(Engine.callerId()));
  }

  /**
   * Starts a property over two generated values.
   *
   * <pre>{@code
   * PropertyCheck.forAll(Gen.integers(0, 100), Gen.integers(0, 100)).holds((a, b) -> a + b >= a);
   * }</pre>
   *
   * @param a the generator of the first value
   * @param b the generator of the second value
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @return the property, ready to check
   */
  public static <A, B> ForAll2<A, B> forAll(Gen<A> a, Gen<B> b) {
    return new ForAll2<>(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"), Settings.defaults(Engine.callerId()));
  }

  /**
   * Starts a property over three generated values.
   *
   * <pre>{@code
   * PropertyCheck.forAll(Gen.integers(), Gen.integers(), Gen.integers())
   *     .holds((a, b, c) -> (a + b) + c == a + (b + c));
   * }</pre>
   *
   * @param a the generator of the first value
   * @param b the generator of the second value
   * @param c the generator of the third value
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   * @return the property, ready to check
   */
  public static <A, B, C> ForAll3<A, B, C> forAll(Gen<A> a, Gen<B> b, Gen<C> c) {
    return new ForAll3<>(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"), Objects.requireNonNull(c, "c"), Settings.defaults(Engine.callerId()));
  }

  /**
   * Starts a property over four generated values.
   *
   * <pre>{@code
   * PropertyCheck.forAll(Gen.booleans(), Gen.booleans(), Gen.booleans(), Gen.booleans())
   *     .holds((a, b, c, d) -> ((a ^ b) ^ (c ^ d)) == (a ^ (b ^ (c ^ d))));
   * }</pre>
   *
   * @param a the generator of the first value
   * @param b the generator of the second value
   * @param c the generator of the third value
   * @param d the generator of the fourth value
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   * @param <D> the type of the fourth value
   * @return the property, ready to check
   */
  public static <A, B, C, D> ForAll4<A, B, C, D> forAll(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d) {
    return new ForAll4<>(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"), Objects.requireNonNull(c, "c"), Objects.requireNonNull(d, "d"), Settings.defaults(Engine.callerId()));
  }

  /**
   * A property over one generated value; immutable, every setter returns a copy.
   *
   * <pre>{@code
   * PropertyResult result = PropertyCheck.forAll(Gen.integers()).tries(200).seed(42L)
   *     .check((x0) -> { });
   * }</pre>
   *
   * @param <A> the type of the first value
   */
  public static final class ForAll1<A> {
    private final Gen<A> a;
    private final Settings settings;

    ForAll1(Gen<A> a, Settings settings) {
      this.a = a;
      this.settings = settings;
    }

    /**
     * Sets how many examples must pass (default 100); the first ones are edge cases.
     *
     * @param tries the number of examples, at least 1
     * @return a copy with that number of tries
     * @throws IllegalArgumentException if {@code tries < 1}
     */
    public ForAll1<A> tries(int tries) {
      return new ForAll1<>(a, settings.tries(tries));
    }

    /**
     * Sets the seed, to repeat a run exactly; by default every run picks a random one and
     * reports it.
     *
     * @param seed the seed
     * @return a copy with that seed
     */
    public ForAll1<A> seed(long seed) {
      return new ForAll1<>(a, settings.seed(seed));
    }

    /**
     * Sets the id that keys the stored failing example; by default the class, method and line
     * that called {@code forAll}.
     *
     * @param id a name unique among the properties of a project
     * @return a copy with that id
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public ForAll1<A> id(String id) {
      return new ForAll1<>(a, settings.id(id));
    }

    /**
     * Limits how many times shrinking may replay the property (default 25,000); 0 reports the
     * counterexample as found.
     *
     * @param runs the most replays while shrinking
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code runs} is negative
     */
    public ForAll1<A> maxShrinkRuns(int runs) {
      return new ForAll1<>(a, settings.maxShrinkRuns(runs));
    }

    /**
     * Runs the property: {@code body} must not throw for any generated value.
     *
     * @param body the check, failing by throwing (an assertion, any exception)
     * @return the result of the passing run
     * @throws PropertyFailure if the body threw for some value, or too many examples were discarded
     */
    public PropertyResult check(Body1<? super A> body) {
      Objects.requireNonNull(body, "body");
      return run(
          settings,
          new Engine.Trial() {
            @Override
            public List<String> names() {
              return List.of("arg0");
            }

            @Override
            public void run(Source source, List<Object> shown, boolean execute) throws Throwable {
        A va = a.generate(source);
        shown.add(va);
              if (execute) {
                body.accept(va);
              }
            }
          });
    }

    /**
     * Runs the property: {@code condition} must return {@code true} for all generated value.
     *
     * @param condition the check, failing by returning {@code false} or throwing
     * @return the result of the passing run
     * @throws PropertyFailure if the condition did not hold for some value, or too many examples were discarded
     */
    public PropertyResult holds(Cond1<? super A> condition) {
      Objects.requireNonNull(condition, "condition");
      return check(
          (x0) -> {
            if (!condition.test(x0)) {
              throw new AssertionError(FALSE);
            }
          });
    }
  }

  /**
   * A property over two generated values; immutable, every setter returns a copy.
   *
   * <pre>{@code
   * PropertyResult result = PropertyCheck.forAll(Gen.integers(), Gen.integers()).tries(200).seed(42L)
   *     .check((x0, x1) -> { });
   * }</pre>
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   */
  public static final class ForAll2<A, B> {
    private final Gen<A> a;
    private final Gen<B> b;
    private final Settings settings;

    ForAll2(Gen<A> a, Gen<B> b, Settings settings) {
      this.a = a;
      this.b = b;
      this.settings = settings;
    }

    /**
     * Sets how many examples must pass (default 100); the first ones are edge cases.
     *
     * @param tries the number of examples, at least 1
     * @return a copy with that number of tries
     * @throws IllegalArgumentException if {@code tries < 1}
     */
    public ForAll2<A, B> tries(int tries) {
      return new ForAll2<>(a, b, settings.tries(tries));
    }

    /**
     * Sets the seed, to repeat a run exactly; by default every run picks a random one and
     * reports it.
     *
     * @param seed the seed
     * @return a copy with that seed
     */
    public ForAll2<A, B> seed(long seed) {
      return new ForAll2<>(a, b, settings.seed(seed));
    }

    /**
     * Sets the id that keys the stored failing example; by default the class, method and line
     * that called {@code forAll}.
     *
     * @param id a name unique among the properties of a project
     * @return a copy with that id
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public ForAll2<A, B> id(String id) {
      return new ForAll2<>(a, b, settings.id(id));
    }

    /**
     * Limits how many times shrinking may replay the property (default 25,000); 0 reports the
     * counterexample as found.
     *
     * @param runs the most replays while shrinking
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code runs} is negative
     */
    public ForAll2<A, B> maxShrinkRuns(int runs) {
      return new ForAll2<>(a, b, settings.maxShrinkRuns(runs));
    }

    /**
     * Runs the property: {@code body} must not throw for any generated values.
     *
     * @param body the check, failing by throwing (an assertion, any exception)
     * @return the result of the passing run
     * @throws PropertyFailure if the body threw for some values, or too many examples were discarded
     */
    public PropertyResult check(Body2<? super A, ? super B> body) {
      Objects.requireNonNull(body, "body");
      return run(
          settings,
          new Engine.Trial() {
            @Override
            public List<String> names() {
              return List.of("arg0", "arg1");
            }

            @Override
            public void run(Source source, List<Object> shown, boolean execute) throws Throwable {
        A va = a.generate(source);
        shown.add(va);
        B vb = b.generate(source);
        shown.add(vb);
              if (execute) {
                body.accept(va, vb);
              }
            }
          });
    }

    /**
     * Runs the property: {@code condition} must return {@code true} for all generated values.
     *
     * @param condition the check, failing by returning {@code false} or throwing
     * @return the result of the passing run
     * @throws PropertyFailure if the condition did not hold for some values, or too many examples were discarded
     */
    public PropertyResult holds(Cond2<? super A, ? super B> condition) {
      Objects.requireNonNull(condition, "condition");
      return check(
          (x0, x1) -> {
            if (!condition.test(x0, x1)) {
              throw new AssertionError(FALSE);
            }
          });
    }
  }

  /**
   * A property over three generated values; immutable, every setter returns a copy.
   *
   * <pre>{@code
   * PropertyResult result = PropertyCheck.forAll(Gen.integers(), Gen.integers(), Gen.integers()).tries(200).seed(42L)
   *     .check((x0, x1, x2) -> { });
   * }</pre>
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   */
  public static final class ForAll3<A, B, C> {
    private final Gen<A> a;
    private final Gen<B> b;
    private final Gen<C> c;
    private final Settings settings;

    ForAll3(Gen<A> a, Gen<B> b, Gen<C> c, Settings settings) {
      this.a = a;
      this.b = b;
      this.c = c;
      this.settings = settings;
    }

    /**
     * Sets how many examples must pass (default 100); the first ones are edge cases.
     *
     * @param tries the number of examples, at least 1
     * @return a copy with that number of tries
     * @throws IllegalArgumentException if {@code tries < 1}
     */
    public ForAll3<A, B, C> tries(int tries) {
      return new ForAll3<>(a, b, c, settings.tries(tries));
    }

    /**
     * Sets the seed, to repeat a run exactly; by default every run picks a random one and
     * reports it.
     *
     * @param seed the seed
     * @return a copy with that seed
     */
    public ForAll3<A, B, C> seed(long seed) {
      return new ForAll3<>(a, b, c, settings.seed(seed));
    }

    /**
     * Sets the id that keys the stored failing example; by default the class, method and line
     * that called {@code forAll}.
     *
     * @param id a name unique among the properties of a project
     * @return a copy with that id
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public ForAll3<A, B, C> id(String id) {
      return new ForAll3<>(a, b, c, settings.id(id));
    }

    /**
     * Limits how many times shrinking may replay the property (default 25,000); 0 reports the
     * counterexample as found.
     *
     * @param runs the most replays while shrinking
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code runs} is negative
     */
    public ForAll3<A, B, C> maxShrinkRuns(int runs) {
      return new ForAll3<>(a, b, c, settings.maxShrinkRuns(runs));
    }

    /**
     * Runs the property: {@code body} must not throw for any generated values.
     *
     * @param body the check, failing by throwing (an assertion, any exception)
     * @return the result of the passing run
     * @throws PropertyFailure if the body threw for some values, or too many examples were discarded
     */
    public PropertyResult check(Body3<? super A, ? super B, ? super C> body) {
      Objects.requireNonNull(body, "body");
      return run(
          settings,
          new Engine.Trial() {
            @Override
            public List<String> names() {
              return List.of("arg0", "arg1", "arg2");
            }

            @Override
            public void run(Source source, List<Object> shown, boolean execute) throws Throwable {
        A va = a.generate(source);
        shown.add(va);
        B vb = b.generate(source);
        shown.add(vb);
        C vc = c.generate(source);
        shown.add(vc);
              if (execute) {
                body.accept(va, vb, vc);
              }
            }
          });
    }

    /**
     * Runs the property: {@code condition} must return {@code true} for all generated values.
     *
     * @param condition the check, failing by returning {@code false} or throwing
     * @return the result of the passing run
     * @throws PropertyFailure if the condition did not hold for some values, or too many examples were discarded
     */
    public PropertyResult holds(Cond3<? super A, ? super B, ? super C> condition) {
      Objects.requireNonNull(condition, "condition");
      return check(
          (x0, x1, x2) -> {
            if (!condition.test(x0, x1, x2)) {
              throw new AssertionError(FALSE);
            }
          });
    }
  }

  /**
   * A property over four generated values; immutable, every setter returns a copy.
   *
   * <pre>{@code
   * PropertyResult result = PropertyCheck.forAll(Gen.integers(), Gen.integers(), Gen.integers(), Gen.integers()).tries(200).seed(42L)
   *     .check((x0, x1, x2, x3) -> { });
   * }</pre>
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   * @param <D> the type of the fourth value
   */
  public static final class ForAll4<A, B, C, D> {
    private final Gen<A> a;
    private final Gen<B> b;
    private final Gen<C> c;
    private final Gen<D> d;
    private final Settings settings;

    ForAll4(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Settings settings) {
      this.a = a;
      this.b = b;
      this.c = c;
      this.d = d;
      this.settings = settings;
    }

    /**
     * Sets how many examples must pass (default 100); the first ones are edge cases.
     *
     * @param tries the number of examples, at least 1
     * @return a copy with that number of tries
     * @throws IllegalArgumentException if {@code tries < 1}
     */
    public ForAll4<A, B, C, D> tries(int tries) {
      return new ForAll4<>(a, b, c, d, settings.tries(tries));
    }

    /**
     * Sets the seed, to repeat a run exactly; by default every run picks a random one and
     * reports it.
     *
     * @param seed the seed
     * @return a copy with that seed
     */
    public ForAll4<A, B, C, D> seed(long seed) {
      return new ForAll4<>(a, b, c, d, settings.seed(seed));
    }

    /**
     * Sets the id that keys the stored failing example; by default the class, method and line
     * that called {@code forAll}.
     *
     * @param id a name unique among the properties of a project
     * @return a copy with that id
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public ForAll4<A, B, C, D> id(String id) {
      return new ForAll4<>(a, b, c, d, settings.id(id));
    }

    /**
     * Limits how many times shrinking may replay the property (default 25,000); 0 reports the
     * counterexample as found.
     *
     * @param runs the most replays while shrinking
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code runs} is negative
     */
    public ForAll4<A, B, C, D> maxShrinkRuns(int runs) {
      return new ForAll4<>(a, b, c, d, settings.maxShrinkRuns(runs));
    }

    /**
     * Runs the property: {@code body} must not throw for any generated values.
     *
     * @param body the check, failing by throwing (an assertion, any exception)
     * @return the result of the passing run
     * @throws PropertyFailure if the body threw for some values, or too many examples were discarded
     */
    public PropertyResult check(Body4<? super A, ? super B, ? super C, ? super D> body) {
      Objects.requireNonNull(body, "body");
      return run(
          settings,
          new Engine.Trial() {
            @Override
            public List<String> names() {
              return List.of("arg0", "arg1", "arg2", "arg3");
            }

            @Override
            public void run(Source source, List<Object> shown, boolean execute) throws Throwable {
        A va = a.generate(source);
        shown.add(va);
        B vb = b.generate(source);
        shown.add(vb);
        C vc = c.generate(source);
        shown.add(vc);
        D vd = d.generate(source);
        shown.add(vd);
              if (execute) {
                body.accept(va, vb, vc, vd);
              }
            }
          });
    }

    /**
     * Runs the property: {@code condition} must return {@code true} for all generated values.
     *
     * @param condition the check, failing by returning {@code false} or throwing
     * @return the result of the passing run
     * @throws PropertyFailure if the condition did not hold for some values, or too many examples were discarded
     */
    public PropertyResult holds(Cond4<? super A, ? super B, ? super C, ? super D> condition) {
      Objects.requireNonNull(condition, "condition");
      return check(
          (x0, x1, x2, x3) -> {
            if (!condition.test(x0, x1, x2, x3)) {
              throw new AssertionError(FALSE);
            }
          });
    }
  }

  /**
   * A check of one value that fails by throwing.
   *
   * <pre>{@code
   * PropertyCheck.Body1<Integer> body = (x0) -> assertThat(x0).isNotNull();
   * }</pre>
   *
   * @param <A> the type of the first value
   */
  @FunctionalInterface
  public interface Body1<A> {
    /**
     * Checks the value.
     *
     * @param a the first value
     * @throws Throwable when the property does not hold
     */
    void accept(A a) throws Throwable;
  }

  /**
   * A condition on one value.
   *
   * <pre>{@code
   * PropertyCheck.Cond1<Integer> condition = (x0) -> x0 != null;
   * }</pre>
   *
   * @param <A> the type of the first value
   */
  @FunctionalInterface
  public interface Cond1<A> {
    /**
     * Tests the value.
     *
     * @param a the first value
     * @return whether the property holds
     * @throws Throwable when the property does not hold
     */
    boolean test(A a) throws Throwable;
  }

  /**
   * A check of two values that fails by throwing.
   *
   * <pre>{@code
   * PropertyCheck.Body2<Integer, Integer> body = (x0, x1) -> assertThat(x0).isNotNull();
   * }</pre>
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   */
  @FunctionalInterface
  public interface Body2<A, B> {
    /**
     * Checks the values.
     *
     * @param a the first value
     * @param b the second value
     * @throws Throwable when the property does not hold
     */
    void accept(A a, B b) throws Throwable;
  }

  /**
   * A condition on two values.
   *
   * <pre>{@code
   * PropertyCheck.Cond2<Integer, Integer> condition = (x0, x1) -> x0 != null;
   * }</pre>
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   */
  @FunctionalInterface
  public interface Cond2<A, B> {
    /**
     * Tests the values.
     *
     * @param a the first value
     * @param b the second value
     * @return whether the property holds
     * @throws Throwable when the property does not hold
     */
    boolean test(A a, B b) throws Throwable;
  }

  /**
   * A check of three values that fails by throwing.
   *
   * <pre>{@code
   * PropertyCheck.Body3<Integer, Integer, Integer> body = (x0, x1, x2) -> assertThat(x0).isNotNull();
   * }</pre>
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   */
  @FunctionalInterface
  public interface Body3<A, B, C> {
    /**
     * Checks the values.
     *
     * @param a the first value
     * @param b the second value
     * @param c the third value
     * @throws Throwable when the property does not hold
     */
    void accept(A a, B b, C c) throws Throwable;
  }

  /**
   * A condition on three values.
   *
   * <pre>{@code
   * PropertyCheck.Cond3<Integer, Integer, Integer> condition = (x0, x1, x2) -> x0 != null;
   * }</pre>
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   */
  @FunctionalInterface
  public interface Cond3<A, B, C> {
    /**
     * Tests the values.
     *
     * @param a the first value
     * @param b the second value
     * @param c the third value
     * @return whether the property holds
     * @throws Throwable when the property does not hold
     */
    boolean test(A a, B b, C c) throws Throwable;
  }

  /**
   * A check of four values that fails by throwing.
   *
   * <pre>{@code
   * PropertyCheck.Body4<Integer, Integer, Integer, Integer> body = (x0, x1, x2, x3) -> assertThat(x0).isNotNull();
   * }</pre>
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   * @param <D> the type of the fourth value
   */
  @FunctionalInterface
  public interface Body4<A, B, C, D> {
    /**
     * Checks the values.
     *
     * @param a the first value
     * @param b the second value
     * @param c the third value
     * @param d the fourth value
     * @throws Throwable when the property does not hold
     */
    void accept(A a, B b, C c, D d) throws Throwable;
  }

  /**
   * A condition on four values.
   *
   * <pre>{@code
   * PropertyCheck.Cond4<Integer, Integer, Integer, Integer> condition = (x0, x1, x2, x3) -> x0 != null;
   * }</pre>
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   * @param <D> the type of the fourth value
   */
  @FunctionalInterface
  public interface Cond4<A, B, C, D> {
    /**
     * Tests the values.
     *
     * @param a the first value
     * @param b the second value
     * @param c the third value
     * @param d the fourth value
     * @return whether the property holds
     * @throws Throwable when the property does not hold
     */
    boolean test(A a, B b, C c, D d) throws Throwable;
  }
}
