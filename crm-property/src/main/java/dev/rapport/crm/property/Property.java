package dev.rapport.crm.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit Jupiter test method as a property: the method runs once per try, with its {@link
 * ForAll @ForAll} parameters generated. A failure reports the seed and the minimal and original
 * counterexample; the run's summary and classification {@link Stats labels} are published as a
 * report entry (key {@code property}) and logged.
 *
 * <pre>{@code
 * class DiscountProperties {
 *   @Property(tries = 500)
 *   void discountNeverExceedsPrice(@ForAll("prices") BigDecimal price, @ForAll int percent) {
 *     Stats.label(percent == 0 ? "no discount" : "discount");
 *     assertThat(Discounts.apply(price, percent)).isLessThanOrEqualTo(price);
 *   }
 *
 *   static Gen<BigDecimal> prices() {
 *     return Gen.bigDecimals(BigDecimal.ZERO, new BigDecimal("9999.99"), 2);
 *   }
 * }
 * }</pre>
 *
 * <p>{@code @BeforeEach} and {@code @AfterEach} run once around the whole property, not around
 * each try. Parameters without {@code @ForAll} are resolved by JUnit as usual (for example {@code
 * TestInfo}).
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Test
@ExtendWith(PropertyExtension.class)
public @interface Property {
  /**
   * How many examples must pass; the first ones are edge cases.
   *
   * @return the number of tries
   */
  int tries() default Settings.DEFAULT_TRIES;

  /**
   * The seed to repeat a run with, as printed in a failure (a decimal {@code long}); empty for a
   * random seed.
   *
   * @return the seed, or an empty string
   */
  String seed() default "";
}
