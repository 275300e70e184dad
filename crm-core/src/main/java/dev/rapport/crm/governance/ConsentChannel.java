package dev.rapport.crm.governance;

/**
 * How a person is reached; consent is given or refused per purpose and channel.
 *
 * <pre>{@code
 * crm.privacy().consents().grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.SMS, "web-form");
 * }</pre>
 */
public enum ConsentChannel {
    /** E-mail. */
    EMAIL,
    /** Phone calls. */
    PHONE,
    /** Text messages. */
    SMS,
    /** Letters. */
    POST,
    /** Messenger apps and chat. */
    MESSAGING,
    /** Personalised content on the web and in apps. */
    WEB
}
