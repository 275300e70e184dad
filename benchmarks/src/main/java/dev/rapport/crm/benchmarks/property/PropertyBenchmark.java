package dev.rapport.crm.benchmarks.property;

import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.property.PropertyFailure;
import dev.rapport.crm.property.PropertyResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Speed of the property engine: a whole run of 1,000 passing tries (target: under 100 ms), and
 * shrinking a failing list of 1,000 elements to its minimal form (target: under 1 s).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar Property -f 1 -wi 2 -i 5 -w 1s -r 1s -t 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PropertyBenchmark {
  /** Kept so the logger (and its level) is not collected. */
  private Logger engineLogger;

  private Gen<Integer> numbers;
  private Gen<List<Integer>> shortLists;
  private Gen<List<Integer>> longLists;

  /** Silences the per-run INFO summary, turns off failure storage, and checks the scenarios. */
  @Setup
  public void setUp() {
    engineLogger = Logger.getLogger("dev.rapport.crm.property");
    engineLogger.setLevel(Level.WARNING);
    // A stored failure would be replayed first and skip the search this benchmark measures.
    System.setProperty(PropertyCheck.FAILURE_DIRECTORY_PROPERTY, "none");
    numbers = Gen.integers(0, 100);
    shortLists = Gen.lists(Gen.integers(), 0, 10);
    longLists = Gen.lists(Gen.integers(0, 1000), 0, 1000);

    PropertyResult failed = shrinkFailingListOf1000Elements();
    if (((List<?>) failed.originalCounterexample().get(0)).size() != 1000
        || !failed.counterexample().equals(List.of(List.of(101)))) {
      throw new IllegalStateException("unexpected shrinking scenario: " + failed.summary());
    }
    List<?> sumMinimal = (List<?>) shrinkSumOfListOf1000Elements().counterexample().get(0);
    if (sumMinimal.size() != 101 || !sumMinimal.get(0).equals(1) || !sumMinimal.get(100).equals(1000)) {
      throw new IllegalStateException("unexpected minimal list for the sum: " + sumMinimal);
    }
    if (passingPropertyWith1000Tries().tries() != 1000) {
      throw new IllegalStateException("the passing property did not run 1000 tries");
    }
  }

  /**
   * A simple passing property over an int and a list, 1,000 tries.
   *
   * @return the result, consumed by JMH
   */
  @Benchmark
  public PropertyResult passingPropertyWith1000Tries() {
    return PropertyCheck.forAll(numbers, shortLists)
        .tries(1000)
        .seed(42L)
        .holds((n, list) -> list.size() <= 10 && n <= 100);
  }

  /**
   * A property failing for any element above 100. The second try (an edge case) is a list of
   * 1,000 elements of 1,000; shrinking brings it down to {@code [101]}.
   *
   * @return the failed result, consumed by JMH
   */
  @Benchmark
  public PropertyResult shrinkFailingListOf1000Elements() {
    try {
      PropertyCheck.forAll(longLists).seed(42L).holds(list -> list.stream().allMatch(x -> x <= 100));
    } catch (PropertyFailure failure) {
      return failure.result();
    }
    throw new IllegalStateException("the property should have failed");
  }

  /**
   * A harder shrink: the sum of a list must stay at most 100,000. From the same 1,000-element
   * list, shrinking must find the shortest failing list, 101 elements, and the smallest of those:
   * {@code [1, 1000, 1000, ...]}. Every step replays lists of a hundred elements or more.
   *
   * @return the failed result, consumed by JMH
   */
  @Benchmark
  public PropertyResult shrinkSumOfListOf1000Elements() {
    try {
      PropertyCheck.forAll(longLists)
          .seed(42L)
          .holds(list -> list.stream().mapToInt(Integer::intValue).sum() <= 100_000);
    } catch (PropertyFailure failure) {
      return failure.result();
    }
    throw new IllegalStateException("the property should have failed");
  }
}
