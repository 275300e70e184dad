package dev.rapport.crm.benchmarks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SameSelectionCheckTest {
  private static final List<RuleSpec> RULES = RuleSpecs.rules(60, RuleSpecs.SEED);
  private static final List<BenchEvent> EVENTS = RuleSpecs.events(400, RuleSpecs.SEED);

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyEngineSelectsWhatTheSpecificationSelects(Engine engine) {
    int agreed = SameSelectionCheck.verify(engine, RULES, EVENTS);

    // Non-trivial: the events select rules, but far from all of them.
    assertThat(agreed).isBetween(20, EVENTS.size() * 5);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theCheckNoticesAnEngineBuiltFromDifferentRules(Engine engine) {
    // Every rule loses its equality condition in the engine's definitions only.
    List<RuleSpec> altered = new ArrayList<>();
    for (RuleSpec r : RULES) {
      altered.add(new RuleSpec(r.id(), r.priority(), r.eventType(), null, r.scoreRange(), r.sources()));
    }
    Selector wrong = engine.selector(engine.build(engine.definitions(altered)));

    assertThatThrownBy(() -> SameSelectionCheck.verify(engine.name(), wrong, RULES, EVENTS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(engine.name() + " selected");
  }

  @Test
  void theGenerationIsSeededAndCoversTheThreeKindsOfCondition() {
    List<RuleSpec> again = RuleSpecs.rules(60, RuleSpecs.SEED);
    assertThat(again).extracting(RuleSpec::id, RuleSpec::eventType, RuleSpec::country, RuleSpec::sources)
        .isEqualTo(RULES.stream().map(r -> org.assertj.core.groups.Tuple.tuple(
            r.id(), r.eventType(), r.country(), r.sources())).toList());
    assertThat(RULES).anyMatch(r -> r.country() != null)
        .anyMatch(r -> r.scoreRange() != null)
        .anyMatch(r -> !r.sources().isEmpty());
    assertThat(RuleSpecs.rules(1000, RuleSpecs.SEED)).extracting(RuleSpec::eventType).hasSameElementsAs(
        RuleSpecs.EVENT_TYPES);
  }

  @Test
  void theGeneratedFormatsCarryTheSameConditions() {
    RuleSpec first = RULES.get(0);
    String drl = (String) Engine.DROOLS.definitions(List.of(first));
    String json = (String) Engine.RAPPORT.definitions(List.of(first));

    assertThat(drl).contains("rule \"" + first.id() + "\"", "type == \"" + first.eventType() + "\"");
    assertThat(json).contains("\"id\":\"" + first.id() + "\"", "\"event\":\"" + first.eventType() + "\"");
  }
}
