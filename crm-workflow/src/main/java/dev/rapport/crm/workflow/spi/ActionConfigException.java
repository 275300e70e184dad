package dev.rapport.crm.workflow.spi;

/**
 * A rule's configuration of an action is wrong: a key is missing or has a value of the wrong
 * kind. The loader reports it as a {@code RuleDefinitionException} pointing at the key.
 *
 * <pre>{@code
 * throw new ActionConfigException("channel", "is required");
 * }</pre>
 */
public final class ActionConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The configuration key at fault. */
    private final String key;

    /** Why it is wrong. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param key the configuration key at fault
     * @param reason why it is wrong, without the value
     */
    public ActionConfigException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
        this.reason = reason;
    }

    /**
     * The configuration key at fault.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * Why it is wrong.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
