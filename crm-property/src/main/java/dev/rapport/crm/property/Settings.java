package dev.rapport.crm.property;

/** How a property runs; immutable, each setter returns a copy. */
final class Settings {
  static final int DEFAULT_TRIES = 100;
  static final int DEFAULT_MAX_SHRINK_RUNS = 25_000;

  private final int tries;
  private final Long seed;
  private final String id;
  private final int maxShrinkRuns;

  private Settings(int tries, Long seed, String id, int maxShrinkRuns) {
    this.tries = tries;
    this.seed = seed;
    this.id = id;
    this.maxShrinkRuns = maxShrinkRuns;
  }

  static Settings defaults(String id) {
    return new Settings(DEFAULT_TRIES, null, id, DEFAULT_MAX_SHRINK_RUNS);
  }

  int tries() {
    return tries;
  }

  Long seed() {
    return seed;
  }

  String id() {
    return id;
  }

  int maxShrinkRuns() {
    return maxShrinkRuns;
  }

  Settings tries(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("tries must be at least 1: " + value);
    }
    return new Settings(value, seed, id, maxShrinkRuns);
  }

  Settings seed(long value) {
    return new Settings(tries, value, id, maxShrinkRuns);
  }

  Settings id(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the id must not be blank");
    }
    return new Settings(tries, seed, value, maxShrinkRuns);
  }

  Settings maxShrinkRuns(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("maxShrinkRuns must not be negative: " + value);
    }
    return new Settings(tries, seed, id, value);
  }
}
