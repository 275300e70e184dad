package dev.rapport.crm.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs sample test classes through the JUnit Platform test kit and checks what they report. */
class PropertyExtensionTest {

  private static EngineExecutionResults run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .configurationParameter(OnlyInTestKit.PARAMETER, "true")
        .execute();
  }

  private static Throwable failureOf(EngineExecutionResults results) {
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed).hasSize(1);
    Optional<Throwable> throwable =
        failed.get(0).getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
    assertThat(throwable).isPresent();
    return throwable.get();
  }

  private static List<String> reports(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("property"))
        .collect(Collectors.toList());
  }

  @OnlyInTestKit
  static class PassingSamples {
    static final List<Object> SEEN = new ArrayList<>();

    @Property(tries = 250)
    void sumIsCommutative(@ForAll int a, @ForAll int b) {
      SEEN.add(a);
      Stats.label(a == b ? "equal" : "different");
      assertThat(a + b).isEqualTo(b + a);
    }

    @Property(tries = 30)
    void namedGenerators(@ForAll("percents") int percent, @ForAll("staticNames") String name) {
      assertThat(percent).isBetween(0, 100);
      assertThat(name).startsWith("n-");
    }

    Gen<Integer> percents() {
      return Gen.integers(0, 100);
    }

    private static Gen<String> staticNames() {
      return Gen.asciiStrings(0, 5).map(s -> "n-" + s);
    }

    @Property(tries = 40)
    void defaultsByType(
        @ForAll long l,
        @ForAll boolean b,
        @ForAll char c,
        @ForAll String s,
        @ForAll BigDecimal amount,
        @ForAll LocalDate date,
        @ForAll Instant instant,
        @ForAll DayOfWeek day,
        @ForAll List<Integer> list,
        @ForAll Set<String> set,
        @ForAll Map<String, Long> map) {
      assertThat(c).isLessThan((char) 128);
      assertThat(s.length()).isLessThanOrEqualTo(20);
      assertThat(amount.scale()).isEqualTo(2);
      assertThat(date.getYear()).isBetween(1900, 2100);
      assertThat(instant).isAfterOrEqualTo(Instant.EPOCH);
      assertThat(day).isNotNull();
      assertThat(list.size()).isLessThanOrEqualTo(10);
      assertThat(set.size()).isLessThanOrEqualTo(10);
      assertThat(map.size()).isLessThanOrEqualTo(10);
    }

    @Property(tries = 5)
    void mixesWithOtherParameters(@ForAll int n, TestInfo info) {
      assertThat(info.getTestMethod()).isPresent();
    }
  }

  @OnlyInTestKit
  static class FailingSamples {
    int beforeEachCalls;

    @BeforeEach
    void count() {
      beforeEachCalls++;
    }

    @Property(tries = 200, seed = "12345")
    void noElementAbove100(@ForAll("lists") List<Integer> numbers) {
      assertThat(numbers).allMatch(n -> n <= 100);
    }

    static Gen<List<Integer>> lists() {
      return Gen.lists(Gen.integers(0, 10_000), 0, 20);
    }
  }

  @OnlyInTestKit
  static class NestedSamples {
    static Gen<Integer> small() {
      return Gen.integers(0, 3);
    }

    @Nested
    class Inner {
      @Property(tries = 10)
      void usesTheEnclosingClassGenerator(@ForAll("small") int n) {
        assertThat(n).isBetween(0, 3);
      }
    }
  }

  @OnlyInTestKit
  static class BrokenSamples {
    @Property
    void unknownGenerator(@ForAll("nowhere") int n) {}

    @Property
    void noDefault(@ForAll Thread thread) {}

    @Property(seed = "not a number")
    void badSeed(@ForAll int n) {}
  }

  @BeforeEach
  void clear() {
    PassingSamples.SEEN.clear();
  }

  @Test
  void passingPropertiesRunInTheJupiterEngineAndReportTriesAndLabels() {
    EngineExecutionResults results = run(PassingSamples.class);
    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
    assertThat(PassingSamples.SEEN).hasSize(250);
    List<String> reports = reports(results);
    assertThat(reports).hasSize(4);
    assertThat(reports)
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("PassingSamples#sumIsCommutative(int,int) passed 250 tries")
                    .contains("Labels:")
                    .contains("% different ("));
    assertThat(reports).anySatisfy(r -> assertThat(r).contains("namedGenerators(int,String) passed 30 tries"));
  }

  @Test
  void aFailingPropertyShowsSeedAndCounterexamplesInTheTestFailure() {
    Throwable failure = failureOf(run(FailingSamples.class));
    assertThat(failure).isInstanceOf(PropertyFailure.class);
    PropertyResult result = ((PropertyFailure) failure).result();
    assertThat(result.seed()).isEqualTo(12345L);
    assertThat(result.counterexample()).containsExactly(List.of(101));
    assertThat(failure.getMessage())
        .contains("seed 12345")
        .contains("Minimal counterexample:\n  numbers = [101]")
        .contains("Original counterexample:\n  numbers = [")
        .contains("shrink steps");
  }

  @Test
  void theSameSeedGivesTheSameFailure() {
    PropertyResult first = ((PropertyFailure) failureOf(run(FailingSamples.class))).result();
    PropertyResult second = ((PropertyFailure) failureOf(run(FailingSamples.class))).result();
    assertThat(second.originalCounterexample()).isEqualTo(first.originalCounterexample());
    assertThat(second.tries()).isEqualTo(first.tries());
  }

  @Test
  void nestedClassesFindGeneratorsInEnclosingClasses() {
    EngineExecutionResults results = run(NestedSamples.class);
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(reports(results)).singleElement().asString().contains("passed 10 tries");
  }

  @Test
  void configurationMistakesAreExplained() {
    EngineExecutionResults results = run(BrokenSamples.class);
    results.testEvents().assertStatistics(stats -> stats.started(3).failed(3));
    Map<String, Throwable> failures =
        results.testEvents().failed().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getTestDescriptor().getDisplayName(),
                    e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow()));
    assertThat(failures.get("unknownGenerator(int)"))
        .hasMessageContaining("@ForAll(\"nowhere\")")
        .hasMessageContaining("has no method nowhere() returning a Gen");
    assertThat(failures.get("noDefault(Thread)"))
        .hasMessageContaining("no default generator for parameter 'thread'");
    assertThat(failures.get("badSeed(int)")).hasMessageContaining("is not a decimal long");
  }

  @Test
  void samplesDoNotRunWithoutTheTestKitParameter() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingSamples.class)).execute();
    results.containerEvents().assertStatistics(stats -> stats.skipped(1));
    results.testEvents().assertStatistics(stats -> stats.started(0).failed(0));
  }
}
