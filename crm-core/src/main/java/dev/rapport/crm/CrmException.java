package dev.rapport.crm;

import java.io.Serial;

/**
 * The root of every error Rapport throws on purpose. A host can catch this one type at its boundary.
 *
 * <pre>{@code
 * try {
 *     crm.contacts().create(command);
 * } catch (CrmValidationException e) {
 *     form.reject(e.field(), e.reason());
 * } catch (CrmException e) {
 *     log.warn("CRM refused the change: {}", e.getMessage());
 * }
 * }</pre>
 */
public abstract class CrmException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, never containing personal data
     */
    protected CrmException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, never containing personal data
     * @param cause the underlying failure
     */
    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
