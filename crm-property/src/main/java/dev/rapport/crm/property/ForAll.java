package dev.rapport.crm.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter of a {@link Property @Property} method as generated.
 *
 * <p>Without a value the generator is chosen by type: {@code int}/{@code Integer} ({@link
 * Gen#integers()}), {@code long}/{@code Long} ({@link Gen#longs()}), {@code boolean}/{@code
 * Boolean}, {@code char}/{@code Character} ({@link Gen#asciiChars()}), {@code String} ({@link
 * Gen#strings()}), {@code BigDecimal} (-1,000,000 to 1,000,000, scale 2), {@code LocalDate} (1900
 * to 2100), {@code Instant} (1970 to 2100), any enum, and {@code List}, {@code Set} or {@code Map}
 * of those (0 to 10 elements). With a value, it names a method of the test class (static or not,
 * any visibility, no parameters) that returns the {@link Gen}.
 *
 * <pre>{@code
 * @Property
 * void namesAreTrimmed(@ForAll("names") String name, @ForAll boolean upperCase) { ... }
 *
 * Gen<String> names() {
 *   return Gen.asciiStrings(1, 30);
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface ForAll {
  /**
   * The name of the method that returns the generator; empty to choose by type.
   *
   * @return the method name, or an empty string
   */
  String value() default "";
}
