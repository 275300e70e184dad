package dev.rapport.crm.benchmarks.report;

import java.util.List;

/** The targets of the other modules' benchmarks, read from their results when present. */
final class Targets {
  private Targets() {}

  static final List<Target> OTHERS = List.of();
}
