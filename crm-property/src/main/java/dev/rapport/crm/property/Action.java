package dev.rapport.crm.property;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One step of a {@link Stateful} test: it runs on the system under test and on the model, and
 * asserts whatever it can compare right away. Its precondition says, from the model, whether the
 * step makes sense now; steps whose precondition fails are not run.
 *
 * <pre>{@code
 * Action<Cart, List<String>> add(String item) {
 *   return Action.of("add " + item, (cart, model) -> {
 *     cart.add(item);
 *     model.add(item);
 *   });
 * }
 * Action<Cart, List<String>> removeFirst = Action.of("remove first", model -> !model.isEmpty(),
 *     (cart, model) -> assertThat(cart.removeFirst()).isEqualTo(model.remove(0)));
 * }</pre>
 *
 * @param <S> the type of the system under test
 * @param <M> the type of the model
 */
public interface Action<S, M> {
  /**
   * Whether this step may run in the model's current state; by default always.
   *
   * @param model the model, before the step
   * @return {@code true} if the step may run
   */
  default boolean precondition(M model) {
    return true;
  }

  /**
   * Performs the step on the system and the model, and asserts what it can.
   *
   * @param system the system under test
   * @param model the model
   * @throws Throwable when the system misbehaves
   */
  void run(S system, M model) throws Throwable;

  /**
   * How the step reads in a failing sequence, such as {@code "deposit 20"}.
   *
   * @return the step's description
   */
  String description();

  /**
   * A step that may always run.
   *
   * <pre>{@code
   * Action<Counter, int[]> increment = Action.of("increment", (counter, model) -> {
   *   counter.increment();
   *   model[0]++;
   * });
   * }</pre>
   *
   * @param description how the step reads in a failing sequence
   * @param run performs the step on system and model
   * @param <S> the type of the system under test
   * @param <M> the type of the model
   * @return the step
   */
  static <S, M> Action<S, M> of(String description, PropertyCheck.Body2<? super S, ? super M> run) {
    return of(description, model -> true, run);
  }

  /**
   * A step with a precondition on the model.
   *
   * <pre>{@code
   * Action<Counter, int[]> decrement = Action.of("decrement", model -> model[0] > 0,
   *     (counter, model) -> {
   *       counter.decrement();
   *       model[0]--;
   *     });
   * }</pre>
   *
   * @param description how the step reads in a failing sequence
   * @param precondition when the step may run, judged on the model
   * @param run performs the step on system and model
   * @param <S> the type of the system under test
   * @param <M> the type of the model
   * @return the step
   */
  static <S, M> Action<S, M> of(
      String description,
      Predicate<? super M> precondition,
      PropertyCheck.Body2<? super S, ? super M> run) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(precondition, "precondition");
    Objects.requireNonNull(run, "run");
    return new Action<>() {
      @Override
      public boolean precondition(M model) {
        return precondition.test(model);
      }

      @Override
      public void run(S system, M model) throws Throwable {
        run.accept(system, model);
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }
}
