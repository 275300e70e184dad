package dev.rapport.crm.activity;

/**
 * The medium an interaction happened on. Activities and tickets carry one.
 *
 * <pre>{@code
 * NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(ada.id());
 * }</pre>
 */
public enum Channel {
    /** E-mail. */
    EMAIL,
    /** A phone call. */
    PHONE,
    /** A text message. */
    SMS,
    /** A chat, live or with a bot. */
    CHAT,
    /** Face to face. */
    IN_PERSON,
    /** A video call. */
    VIDEO,
    /** The host's website or web shop. */
    WEB,
    /** A social network. */
    SOCIAL,
    /** Postal mail. */
    MAIL,
    /** Anything else. */
    OTHER
}
