/**
 * Campaigns, their members, and first- and last-touch attribution of leads and contacts.
 *
 * <p>A {@link dev.rapport.crm.marketing.Campaign} has a channel, a period, a budget and an actual
 * cost in one currency. Its members are {@link dev.rapport.crm.marketing.CampaignMember}s, stored
 * apart from it. Every response or interaction of a member is a touch; the
 * {@link dev.rapport.crm.marketing.Attribution} of a lead or contact names the campaigns of its
 * earliest and latest touch.
 *
 * <pre>{@code
 * Campaign webinar = crm.campaigns().create(NewCampaign.named("Q2 webinar", CampaignChannel.WEBINAR)
 *         .budget(Money.of("800.00", "EUR")));
 * crm.campaigns().recordResponse(webinar.id(), ada.id(), CampaignMemberStatus.ATTENDED, null);
 * Attribution a = crm.campaigns().attribution(ada.id());
 * }</pre>
 */
@NullMarked
package dev.rapport.crm.marketing;

import org.jspecify.annotations.NullMarked;
