package dev.rapport.crm;

import java.io.Serial;
import java.util.Objects;

/**
 * Bad input: a value, command or state change that Rapport refuses. It names the field and the
 * reason, and it is thrown before anything is stored, so a refused command changes nothing.
 *
 * <p>The message never includes the offending value itself, because it may be personal data.
 *
 * <pre>{@code
 * try {
 *     EmailAddress.of("not an address");
 * } catch (CrmValidationException e) {
 *     assert e.field().equals("email");
 * }
 * }</pre>
 */
public class CrmValidationException extends CrmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param field the field (or command parameter) that is wrong, e.g. {@code "email"}
     * @param reason why it is wrong, e.g. {@code "must not be blank"}
     */
    public CrmValidationException(String field, String reason) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(reason, "reason"));
        this.field = field;
        this.reason = reason;
    }

    /**
     * The field that is wrong.
     *
     * @return the field name, e.g. {@code "email"} or {@code "amount"}
     */
    public String field() {
        return field;
    }

    /**
     * Why the field is wrong.
     *
     * @return a short reason, e.g. {@code "must not be blank"}
     */
    public String reason() {
        return reason;
    }
}
