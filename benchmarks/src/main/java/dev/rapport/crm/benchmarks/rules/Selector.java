package dev.rapport.crm.benchmarks.rules;

import java.util.List;

/**
 * A built rule engine: selects the rules an event triggers and whose conditions hold, and records
 * their ids instead of running actions.
 */
public interface Selector {
  /**
   * Turns an event into what the engine takes as input (done before measuring, as a host would
   * already hold its event in that form).
   *
   * @param event the event
   * @return the engine's input
   */
  default Object prepare(BenchEvent event) {
    return event;
  }

  /**
   * Evaluates one event.
   *
   * @param prepared the event, from {@link #prepare(BenchEvent)}
   * @return the ids of the selected rules, in the engine's firing order; valid until the next call
   */
  List<String> select(Object prepared);
}
