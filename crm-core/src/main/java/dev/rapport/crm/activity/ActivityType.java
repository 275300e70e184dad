package dev.rapport.crm.activity;

/**
 * The kind of an interaction on the timeline.
 *
 * <pre>{@code
 * NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(ada.id());
 * }</pre>
 */
public enum ActivityType {
    /** An e-mail sent or received. */
    EMAIL,
    /** A phone call. */
    CALL,
    /** A meeting. */
    MEETING,
    /** A note written by a user. */
    NOTE,
    /** A visit to the host's website. */
    WEB_VISIT,
    /** A submitted form. */
    FORM_SUBMISSION,
    /** A purchase or order. */
    PURCHASE,
    /** A support interaction. */
    SUPPORT_INTERACTION,
    /** A chat conversation. */
    CHAT,
    /** A text message. */
    SMS,
    /** Anything else. */
    OTHER
}
