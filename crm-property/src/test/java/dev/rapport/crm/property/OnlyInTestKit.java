package dev.rapport.crm.property;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks sample test classes that fail on purpose: they run only when the launcher sets the
 * configuration parameter {@value #PARAMETER}, as the tests that drive them through the JUnit
 * Platform test kit do, never in the normal build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnlyInTestKit.Condition.class)
@interface OnlyInTestKit {
  String PARAMETER = "rapport.property.samples";

  /** Disables the samples unless the test kit asked for them. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
          ? ConditionEvaluationResult.enabled("run by the test kit")
          : ConditionEvaluationResult.disabled("a sample for the test kit only");
    }
  }
}
