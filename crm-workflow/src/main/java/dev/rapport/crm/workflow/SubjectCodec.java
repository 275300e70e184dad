package dev.rapport.crm.workflow;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.activity.ActivityId;
import dev.rapport.crm.activity.TaskId;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.marketing.CampaignId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.SubscriptionId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.TicketId;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Turns subject ids into the plain text timers, enrollments and segments keep ({@code Type:value}) and back. */
final class SubjectCodec {
    private static final Map<String, Function<String, EntityId>> DECODERS = Map.of(
            "ContactId", ContactId::of,
            "AccountId", AccountId::of,
            "LeadId", LeadId::of,
            "OpportunityId", OpportunityId::of,
            "TicketId", TicketId::of,
            "TaskId", TaskId::of,
            "ActivityId", ActivityId::of,
            "CampaignId", CampaignId::of,
            "SubscriptionId", SubscriptionId::of);

    private SubjectCodec() {
    }

    /** {@code Type:} of each id class, made once (a class's simple name is looked up each time it is asked for). */
    private static final ClassValue<String> PREFIXES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName() + ":";
        }
    };

    /**
     * The last id this thread encoded and its text: an event's rules ask for the same subject
     * many times, and the same text (its hash computed once) keys every store look-up.
     */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    static @Nullable String encode(@Nullable EntityId id) {
        if (id == null) {
            return null;
        }
        Object[] last = LAST.get();
        if (last[0] == id) {
            return (String) last[1];
        }
        String text = PREFIXES.get(id.getClass()).concat(id.value());
        last[0] = id;
        last[1] = text;
        return text;
    }

    static @Nullable EntityId decode(@Nullable String text) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        Function<String, EntityId> decoder = colon < 0 ? null : DECODERS.get(text.substring(0, colon));
        if (decoder == null) {
            throw new IllegalStateException("a stored subject is of an unknown kind");
        }
        return decoder.apply(text.substring(colon + 1));
    }
}
