package dev.rapport.crm.metrics;

import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.revenue.Money;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of one lead: its source, whether it converted into a customer, and the revenue won
 * from it. The input of lead-source performance.
 *
 * <pre>{@code
 * new LeadOutcome("lead-1", LeadSource.WEB_FORM, true, Money.of("1200.00", "EUR"));
 * new LeadOutcome("lead-2", LeadSource.PAID_ADS, false, null);
 * }</pre>
 *
 * @param leadId the lead
 * @param source where it came from
 * @param converted whether it became a customer
 * @param wonRevenue the revenue won from it, null when none
 */
public record LeadOutcome(String leadId, LeadSource source, boolean converted, @Nullable Money wonRevenue) {

    /**
     * Checks the parts.
     *
     * @param leadId the lead
     * @param source where it came from
     * @param converted whether it became a customer
     * @param wonRevenue the revenue won from it, null when none
     * @throws dev.rapport.crm.CrmValidationException if a part is missing or the revenue negative
     */
    public LeadOutcome {
        Inputs.id(leadId, "leadId");
        Inputs.present(source, "source");
        Inputs.check(wonRevenue == null || !wonRevenue.isNegative(), "wonRevenue", "must not be negative");
    }

    /**
     * The won revenue, when there is some.
     *
     * @return the revenue, or empty
     */
    public Optional<Money> wonRevenueIfAny() {
        return Optional.ofNullable(wonRevenue);
    }

    /**
     * The outcome of a crm-core lead: converted when its status is converted.
     *
     * @param lead the lead
     * @param wonRevenue the revenue won from it (e.g. from the opportunity it converted into), or
     *     null when none
     * @return the outcome
     */
    public static LeadOutcome of(Lead lead, @Nullable Money wonRevenue) {
        return new LeadOutcome(lead.id().value(), lead.source(), lead.isConverted(), wonRevenue);
    }
}
