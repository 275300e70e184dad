package dev.rapport.crm.benchmarks.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates, from a seed, the rule sets and events every engine is measured with: rules spread
 * over 20 event types, each with an equality condition on a text field (most rules), a range on a
 * number (about half) and a set of choices (about half). Events draw their fields from the same
 * value pools, so a few rules select each event.
 */
public final class RuleSpecs {
  /** The seed used by the benchmarks and the check. */
  public static final long SEED = 20_260_101L;

  /** The 20 event types (simple names of Rapport's events). */
  public static final List<String> EVENT_TYPES = List.of(
      "ContactCreated", "ContactUpdated", "AccountCreated", "AccountUpdated", "LeadCaptured",
      "LeadUpdated", "LeadQualified", "LeadConverted", "LeadDisqualified", "OpportunityCreated",
      "OpportunityUpdated", "OpportunityWon", "OpportunityLost", "StageChanged", "TicketOpened",
      "TicketUpdated", "TicketResolved", "SubscriptionStarted", "SubscriptionRenewed",
      "SubscriptionCancelled");

  /** The values of the text field. */
  public static final List<String> COUNTRIES =
      List.of("DE", "FR", "GB", "US", "ES", "IT", "NL", "SE", "PL", "JP");

  /** The values of the choice field (lead source names). */
  public static final List<String> SOURCES = List.of(
      "WEB_FORM", "WEBSITE", "REFERRAL", "EVENT", "EMAIL_CAMPAIGN", "PAID_ADS", "SOCIAL",
      "OUTBOUND", "PARTNER", "IMPORT");

  private RuleSpecs() {}

  /**
   * Generates a rule set.
   *
   * @param count how many rules
   * @param seed the seed; the same seed gives the same rules
   * @return the rules, ids {@code r00000}, {@code r00001}, ...
   */
  public static List<RuleSpec> rules(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<RuleSpec> rules = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String type = EVENT_TYPES.get(random.nextInt(EVENT_TYPES.size()));
      String country = random.nextInt(10) < 8 ? COUNTRIES.get(random.nextInt(COUNTRIES.size())) : null;
      long[] range = null;
      if (random.nextBoolean()) {
        long low = random.nextInt(80);
        range = new long[] {low, low + 10 + random.nextInt(40)};
      }
      List<String> sources = new ArrayList<>();
      if (random.nextBoolean() || (country == null && range == null)) {
        int size = 2 + random.nextInt(4);
        for (String source : SOURCES) {
          if (sources.size() < size && random.nextInt(SOURCES.size()) < size) {
            sources.add(source);
          }
        }
        if (sources.isEmpty()) {
          sources.add(SOURCES.get(random.nextInt(SOURCES.size())));
        }
      }
      rules.add(new RuleSpec(String.format("r%05d", i), random.nextInt(10), type, country, range,
          List.copyOf(sources)));
    }
    return List.copyOf(rules);
  }

  /**
   * Generates events.
   *
   * @param count how many events
   * @param seed the seed; the same seed gives the same events
   * @return the events
   */
  public static List<BenchEvent> events(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<BenchEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(new BenchEvent(
          EVENT_TYPES.get(random.nextInt(EVENT_TYPES.size())),
          COUNTRIES.get(random.nextInt(COUNTRIES.size())),
          random.nextInt(101),
          SOURCES.get(random.nextInt(SOURCES.size()))));
    }
    return List.copyOf(events);
  }
}
