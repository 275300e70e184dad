package dev.rapport.crm.governance;

import dev.rapport.crm.CrmValidationException;
import java.io.Serial;

/**
 * A record was to be created (or given an identifier) with an e-mail address or phone number of
 * a person who was erased. The tombstone left by the erasure refuses it, so an import or a
 * capture does not silently bring the person back. The host may override it with explicit new
 * consent: {@link PrivacyService#withReconsent}.
 *
 * <pre>{@code
 * try {
 *     crm.contacts().create(NewContact.named("Ada", "L").email("ada@acme.example"));
 * } catch (ErasedIdentityException e) {
 *     e.field();    // "email"
 *     e.reason();   // "was erased"
 * }
 * }</pre>
 */
public class ErasedIdentityException extends CrmValidationException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The reason every such refusal gives. */
    public static final String REASON = "was erased";

    /**
     * Creates the exception.
     *
     * @param field {@code "email"} or {@code "phone"}
     */
    public ErasedIdentityException(String field) {
        super(field, REASON);
    }
}
