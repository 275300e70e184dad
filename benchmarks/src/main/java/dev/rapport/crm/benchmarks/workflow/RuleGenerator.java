package dev.rapport.crm.benchmarks.workflow;

import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.workflow.EntityKind;
import dev.rapport.crm.workflow.Facts;
import dev.rapport.crm.workflow.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a JSON rule set for the selection benchmarks: rules spread evenly over 20 event
 * types, each with an equality, a set ({@code in}) and/or a range condition over contact custom
 * fields, and matching random facts. Deterministic for a seed.
 */
final class RuleGenerator {
  /** Twenty event types the rules are spread over. */
  static final List<String> EVENTS = List.of("ContactCreated", "ContactUpdated", "AccountCreated", "AccountUpdated",
      "LifecycleChanged", "LeadCaptured", "LeadQualified", "LeadDisqualified", "LeadConverted", "OpportunityCreated",
      "OpportunityUpdated", "StageChanged", "OpportunityWon", "OpportunityLost", "OpportunityReopened",
      "ActivityLogged", "TicketOpened", "TicketStatusChanged", "TicketResolved", "SubscriptionStarted");

  /** Text fields compared with = and in. */
  static final int TEXT_FIELDS = 10;
  /** Number fields compared with >=, <= and between. */
  static final int NUMBER_FIELDS = 5;
  /** Distinct values of a text field. */
  static final int VALUES = 20;

  private RuleGenerator() {
  }

  /** The contact schema with the generated custom fields. */
  static Schema schema() {
    Schema s = Schema.standard();
    for (int i = 0; i < TEXT_FIELDS; i++) {
      s = s.withCustomField(EntityKind.CONTACT, "f" + i, FieldType.TEXT);
    }
    for (int i = 0; i < NUMBER_FIELDS; i++) {
      s = s.withCustomField(EntityKind.CONTACT, "n" + i, FieldType.DECIMAL);
    }
    return s;
  }

  /** A document {@code {"rules": [...]}} of {@code count} rules. */
  static String json(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder b = new StringBuilder("{\"rules\": [\n");
    for (int i = 0; i < count; i++) {
      List<String> parts = new ArrayList<>();
      int shape = r.nextInt(3);
      if (shape != 1) {
        parts.add(cond("custom.f" + r.nextInt(TEXT_FIELDS), "=", "\"v" + r.nextInt(VALUES) + "\""));
      }
      if (shape != 0) {
        parts.add(cond("custom.f" + r.nextInt(TEXT_FIELDS), "in",
            "[\"v" + r.nextInt(VALUES) + "\", \"v" + r.nextInt(VALUES) + "\", \"v" + r.nextInt(VALUES) + "\"]"));
      }
      String n = "custom.n" + r.nextInt(NUMBER_FIELDS);
      switch (r.nextInt(3)) {
        case 0 -> parts.add(cond(n, ">=", Integer.toString(r.nextInt(100))));
        case 1 -> parts.add(cond(n, "<=", Integer.toString(r.nextInt(100))));
        default -> {
          int lo = r.nextInt(90);
          parts.add(cond(n, "between", "[" + lo + ", " + (lo + 10) + "]"));
        }
      }
      b.append("  {\"id\": \"rule-").append(i).append("\", \"priority\": ").append(r.nextInt(10))
          .append(", \"trigger\": {\"event\": \"").append(EVENTS.get(i % EVENTS.size())).append("\"}")
          .append(", \"condition\": {\"all\": [").append(String.join(", ", parts)).append("]}")
          .append(", \"actions\": [{\"type\": \"addTag\", \"tag\": \"t").append(i).append("\"}]}")
          .append(i + 1 < count ? ",\n" : "\n");
    }
    return b.append("]}").toString();
  }

  private static String cond(String field, String op, String value) {
    return "{\"field\": \"" + field + "\", \"op\": \"" + op + "\", \"value\": " + value + "}";
  }

  /** Random facts: every text field one of its values, every number field 0 to 99. */
  static Facts facts(SplittableRandom r) {
    Facts.Builder b = Facts.builder();
    for (int i = 0; i < TEXT_FIELDS; i++) {
      b.put("custom.f" + i, "v" + r.nextInt(VALUES));
    }
    for (int i = 0; i < NUMBER_FIELDS; i++) {
      b.put("custom.n" + i, r.nextInt(100));
    }
    return b.build();
  }
}
