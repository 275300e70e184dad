package dev.rapport.crm.marketing;

/**
 * How far a campaign member has engaged. Every status but {@link #SENT} is a response, and
 * recording a response is a touch for attribution.
 *
 * <pre>{@code
 * crm.campaigns().recordResponse(webinar.id(), ada.id(), CampaignMemberStatus.ATTENDED, null);
 * }</pre>
 */
public enum CampaignMemberStatus {
    /** Targeted: the campaign was sent or shown to the member; not a response. */
    SENT,
    /** Opened the message. */
    OPENED,
    /** Clicked through. */
    CLICKED,
    /** Replied or filled in the campaign's form. */
    RESPONDED,
    /** Registered for the event or webinar. */
    REGISTERED,
    /** Attended the event or webinar. */
    ATTENDED;

    /**
     * Whether this status is a response.
     *
     * @return true for every status but {@link #SENT}
     */
    public boolean isResponse() {
        return this != SENT;
    }
}
