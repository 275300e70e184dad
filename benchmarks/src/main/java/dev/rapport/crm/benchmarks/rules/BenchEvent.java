package dev.rapport.crm.benchmarks.rules;

/**
 * One event as every engine sees it: its type and the three fields the generated conditions read
 * (a text compared for equality, a number compared with a range, a choice tested against a set).
 * A plain Java bean, so that Drools patterns and Easy Rules facts can read it.
 */
public final class BenchEvent {
  private final String type;
  private final String country;
  private final long score;
  private final String source;

  /**
   * An event.
   *
   * @param type the event type, one of {@link RuleSpecs#EVENT_TYPES}
   * @param country a country code
   * @param score a score from 0 to 100
   * @param source a lead source name
   */
  public BenchEvent(String type, String country, long score, String source) {
    this.type = type;
    this.country = country;
    this.score = score;
    this.source = source;
  }

  /**
   * The event type.
   *
   * @return the simple name of the event type
   */
  public String getType() {
    return type;
  }

  /**
   * The text field.
   *
   * @return the country code
   */
  public String getCountry() {
    return country;
  }

  /**
   * The number field.
   *
   * @return the score
   */
  public long getScore() {
    return score;
  }

  /**
   * The choice field.
   *
   * @return the lead source name
   */
  public String getSource() {
    return source;
  }

  @Override
  public String toString() {
    return type + "{country=" + country + ", score=" + score + ", source=" + source + "}";
  }
}
