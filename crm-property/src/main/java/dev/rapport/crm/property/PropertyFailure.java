package dev.rapport.crm.property;

/**
 * Thrown when a property fails or gives up. The message has the seed, the minimal and the
 * original counterexample and the number of shrink steps; the cause is what the check threw for
 * the minimal counterexample.
 *
 * <pre>{@code
 * try {
 *   PropertyCheck.forAll(Gen.integers()).check(n -> assertThat(n).isLessThan(1000));
 * } catch (PropertyFailure failure) {
 *   Object smallest = failure.result().counterexample().get(0);   // 1000
 * }
 * }</pre>
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The result; not serialized (its values may not be). */
  private final transient PropertyResult result;

  PropertyFailure(PropertyResult result) {
    super(result.summary(), result.failure().orElse(null));
    this.result = result;
  }

  /**
   * The failed result, with the counterexamples and the seed.
   *
   * @return the result
   */
  public PropertyResult result() {
    return result;
  }
}
