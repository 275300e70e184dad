package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import java.math.BigDecimal;

/** Argument checks shared by the input records and calculators; errors name the field. */
final class Inputs {
    private Inputs() {
    }

    static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CrmValidationException(field, "must not be blank");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new CrmValidationException(field, "is missing");
        }
        return value;
    }

    static BigDecimal fraction(BigDecimal value, String field) {
        present(value, field);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new CrmValidationException(field, "must be between 0 and 1");
        }
        return value;
    }

    static void check(boolean ok, String field, String reason) {
        if (!ok) {
            throw new CrmValidationException(field, reason);
        }
    }
}
