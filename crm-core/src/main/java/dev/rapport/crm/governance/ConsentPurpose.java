package dev.rapport.crm.governance;

/**
 * What a person's data is used for; consent is given or refused per purpose and channel.
 *
 * <pre>{@code
 * crm.privacy().consents().check(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL);
 * }</pre>
 */
public enum ConsentPurpose {
    /** Newsletters, campaigns, offers. */
    MARKETING,
    /** Sales outreach about deals and quotes. */
    SALES,
    /** Support and service communication. */
    SERVICE,
    /** Building a profile from behaviour (scoring, segmentation). */
    PROFILING,
    /** Measuring usage in aggregate. */
    ANALYTICS,
    /** Passing data to third parties. */
    THIRD_PARTY_SHARING
}
