package dev.rapport.crm.marketing;

/**
 * The channel a campaign runs on; acquisition cost and lead-source metrics group by it.
 *
 * <pre>{@code
 * NewCampaign.named("Spring launch", CampaignChannel.EMAIL).budget(Money.of("5000", "EUR"));
 * }</pre>
 */
public enum CampaignChannel {
    /** E-mail marketing. */
    EMAIL,
    /** Paid search ads. */
    PAID_SEARCH,
    /** Paid social ads. */
    PAID_SOCIAL,
    /** Unpaid social posts. */
    ORGANIC_SOCIAL,
    /** A trade show, conference or other event. */
    EVENT,
    /** A webinar. */
    WEBINAR,
    /** Content: articles, white papers, videos. */
    CONTENT,
    /** A referral programme. */
    REFERRAL,
    /** Partners' marketing. */
    PARTNER,
    /** Postal mailings. */
    DIRECT_MAIL,
    /** Anything else. */
    OTHER
}
