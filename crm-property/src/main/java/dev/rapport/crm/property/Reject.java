package dev.rapport.crm.property;

/**
 * Thrown while generating when an example cannot be produced (a filter rejected every attempt, a
 * generator recursed too deep, too many choices were drawn). The example is discarded, not failed.
 */
final class Reject extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What made the example impossible, shown when too many examples are discarded. */
  private final String reason;

  Reject(String reason) {
    super(reason, null, false, false);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
