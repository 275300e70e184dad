package dev.rapport.crm.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The code samples of docs/property-testing.md, kept here so that they compile and pass. */
class DocExamplesTest {

  // --- "Writing a property in code" -------------------------------------------------------------

  @Test
  void programmaticProperty() {
    // tag::programmatic[]
    PropertyResult result =
        PropertyCheck.forAll(Gen.integers(0, 100), Gen.lists(Gen.integers(), 0, 10))
            .tries(500)
            .check(
                (n, list) -> {
                  List<Integer> longer = new ArrayList<>(list);
                  longer.add(n);
                  assertThat(longer).hasSize(list.size() + 1).endsWith(n);
                });
    assertThat(result.tries()).isEqualTo(500);

    PropertyCheck.forAll(Gen.asciiStrings(0, 20)).holds(s -> s.strip().length() <= s.length());
    // end::programmatic[]
  }

  // --- "Writing a property as a JUnit test" -----------------------------------------------------

  static final class Discounts {
    static BigDecimal apply(BigDecimal price, int percent) {
      return price.multiply(BigDecimal.valueOf(100 - percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    }
  }

  @OnlyInTestKit
  // tag::discount-properties[]
  static class DiscountProperties {
    @Property(tries = 300)
    void aDiscountNeverRaisesThePrice(@ForAll("prices") BigDecimal price, @ForAll("percents") int percent) {
      Stats.label(percent == 0 ? "no discount" : "discount");
      assertThat(Discounts.apply(price, percent)).isBetween(BigDecimal.ZERO, price);
    }

    static Gen<BigDecimal> prices() {
      return Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("9999.99"), 2);
    }

    static Gen<Integer> percents() {
      return Gen.integers(0, 100);
    }

    @Property
    void reversingTwiceGivesTheSameList(@ForAll List<Integer> list) {
      List<Integer> copy = new ArrayList<>(list);
      Collections.reverse(copy);
      Collections.reverse(copy);
      assertThat(copy).isEqualTo(list);
    }
  }
  // end::discount-properties[]

  @Test
  void junitProperties() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(DiscountProperties.class))
        .configurationParameter(OnlyInTestKit.PARAMETER, "true")
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  // --- "Custom generators" ----------------------------------------------------------------------

  // tag::custom-generators[]
  record Email(String local, String domain) {
    @Override
    public String toString() {
      return local + "@" + domain;
    }
  }

  record Contact(String name, List<Email> emails) {}

  static final Gen<Email> EMAILS =
      Gen.zip(Gen.strings(Gen.chars('a', 'z'), 1, 12), Gen.elements("example.com", "example.org"), Email::new);

  static final Gen<Contact> CONTACTS = Gen.zip(Gen.asciiStrings(1, 20), Gen.lists(EMAILS, 0, 3), Contact::new);

  /** A list with a valid index into it: the index depends on the list, so flatMap. */
  static final Gen<Map.Entry<List<Integer>, Integer>> LIST_AND_INDEX =
      Gen.lists(Gen.integers(), 1, 10).flatMap(list -> Gen.integers(0, list.size() - 1).map(i -> Map.entry(list, i)));

  static final Gen<Integer> ODD_BY_FILTER = Gen.integers(0, 1000).filter("odd", n -> n % 2 == 1);
  static final Gen<Integer> ODD_BY_MAP = Gen.integers(0, 499).map(n -> 2 * n + 1);
  // end::custom-generators[]

  /** Arithmetic expressions, built recursively; the leaf comes first so shrinking ends there. */
  // tag::recursive-generators[]
  sealed interface Expr permits Num, Add {
    int eval();
  }

  record Num(int value) implements Expr {
    @Override
    public int eval() {
      return value;
    }
  }

  record Add(Expr left, Expr right) implements Expr {
    @Override
    public int eval() {
      return left.eval() + right.eval();
    }
  }

  static final Gen<Expr> EXPRS =
      Gen.lazy(
          () ->
              Gen.frequency(
                  Map.entry(3, Gen.integers(-9, 9).map(Num::new)),
                  Map.entry(1, Gen.zip(DocExamplesTest.EXPRS, DocExamplesTest.EXPRS, Add::new))));
  // end::recursive-generators[]

  @Test
  void customGenerators() {
    PropertyCheck.forAll(CONTACTS).check(c -> assertThat(c.emails()).allMatch(e -> e.toString().contains("@example.")));
    PropertyCheck.forAll(LIST_AND_INDEX).check(e -> assertThat(e.getKey().get(e.getValue())).isNotNull());
    PropertyCheck.forAll(ODD_BY_FILTER, ODD_BY_MAP).holds((a, b) -> a % 2 == 1 && b % 2 == 1);

    PropertyFailure failure =
        catchThrowableOfType(PropertyFailure.class, () -> PropertyCheck.forAll(EXPRS).seed(1L).holds(e -> e.eval() < 10));
    // Shrinks to the simplest expression that evaluates to 10 or more.
    assertThat(failure.result().counterexample().get(0)).isInstanceOf(Add.class);
    assertThat(((Expr) failure.result().counterexample().get(0)).eval()).isEqualTo(10);
  }

  // --- "Stateful tests" -------------------------------------------------------------------------

  /** The system under test: a first-in, first-out ticket queue. */
  static final class TicketQueue {
    private final List<String> tickets = new ArrayList<>();

    void add(String ticket) {
      tickets.add(ticket);
    }

    String take() {
      return tickets.remove(0);
    }

    int size() {
      return tickets.size();
    }
  }

  @Test
  void statefulTest() {
    // tag::stateful[]
    Gen<Action<TicketQueue, Deque<String>>> add =
        Gen.asciiStrings(1, 5)
            .map(
                ticket ->
                    Action.of(
                        "add " + ticket,
                        (queue, model) -> {
                          queue.add(ticket);
                          model.addLast(ticket);
                        }));
    Action<TicketQueue, Deque<String>> take =
        Action.of(
            "take",
            model -> !model.isEmpty(),
            (queue, model) -> assertThat(queue.take()).isEqualTo(model.removeFirst()));

    PropertyResult result =
        Stateful.<TicketQueue, Deque<String>>of(TicketQueue::new, ArrayDeque::new)
            .action(add)
            .action(Gen.constant(take))
            .invariant("same size", (queue, model) -> assertThat(queue.size()).isEqualTo(model.size()))
            .maxSteps(30)
            .tries(200)
            .check();
    // end::stateful[]
    assertThat(result.passed()).isTrue();
  }

  // --- "Classification statistics" --------------------------------------------------------------

  @Test
  void classification() {
    // tag::labels[]
    PropertyResult result =
        PropertyCheck.forAll(Gen.lists(Gen.integers(), 0, 10))
            .check(
                list -> {
                  Stats.label(list.isEmpty() ? "empty list" : "non-empty list");
                  Stats.label(list.size() == 10, "full list");
                  List<Integer> sorted = new ArrayList<>(list);
                  Collections.sort(sorted);
                  assertThat(sorted).hasSameSizeAs(list);
                });
    Map<String, Long> labels = result.labels(); // most frequent first
    double empty = result.labelPercentage("empty list");
    // end::labels[]
    assertThat(labels).containsKeys("empty list", "non-empty list");
    assertThat(empty).isPositive();
  }

  // --- "Replaying a failure" --------------------------------------------------------------------

  @Test
  void replayFromSeed() {
    // tag::seed[]
    PropertyFailure first =
        catchThrowableOfType(PropertyFailure.class, () -> PropertyCheck.forAll(Gen.integers()).holds(n -> n < 1_000_000));
    long seed = first.result().seed();
    PropertyFailure again =
        catchThrowableOfType(
            PropertyFailure.class, () -> PropertyCheck.forAll(Gen.integers()).seed(seed).holds(n -> n < 1_000_000));
    assertThat(again.result().originalCounterexample()).isEqualTo(first.result().originalCounterexample());
    assertThat(again.result().counterexample()).containsExactly(1_000_000);
    // end::seed[]
  }
}
