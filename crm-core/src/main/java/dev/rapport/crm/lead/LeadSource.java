package dev.rapport.crm.lead;

/**
 * Where a lead came from. Lead-source metrics group by it.
 *
 * <pre>{@code
 * NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example");
 * }</pre>
 */
public enum LeadSource {
    /** A form on the host's website. */
    WEB_FORM,
    /** A visit or sign-up without a form (chat, trial). */
    WEBSITE,
    /** A referral by a customer or partner. */
    REFERRAL,
    /** An event, fair or webinar. */
    EVENT,
    /** A marketing e-mail or newsletter. */
    EMAIL_CAMPAIGN,
    /** Paid advertising. */
    PAID_ADS,
    /** Social media. */
    SOCIAL,
    /** Outbound prospecting by sales. */
    OUTBOUND,
    /** A partner channel. */
    PARTNER,
    /** A list import. */
    IMPORT,
    /** Anything else. */
    OTHER
}
