package dev.rapport.crm.activity;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Who performed an activity: a user of the host (an agent, a sales rep) or the customer the
 * activity is about (a web visit, a received e-mail, a purchase). This is who <em>did</em> the
 * interaction, which may differ from who recorded it (the event's {@code Actor}).
 *
 * <pre>{@code
 * ActivityActor rep = ActivityActor.user(UserId.of("u-7"));
 * ActivityActor customer = ActivityActor.customer();
 * }</pre>
 *
 * @param kind whether a user or the customer acted
 * @param userId the user, for {@link Kind#USER}; null for the customer
 */
public record ActivityActor(Kind kind, @Nullable UserId userId) {
    private static final ActivityActor CUSTOMER = new ActivityActor(Kind.CUSTOMER, null);

    /** Kinds of activity actor. */
    public enum Kind {
        /** A user of the host application. */
        USER,
        /** The customer: the linked contact or account. */
        CUSTOMER
    }

    /**
     * Validates the actor.
     *
     * @param kind whether a user or the customer acted
     * @param userId the user, for {@link Kind#USER}; null for the customer
     * @throws CrmValidationException naming {@code actor} if a user actor has no user id or the
     *     customer has one
     */
    public ActivityActor {
        Checks.notNull(kind, "actor");
        if ((kind == Kind.USER) != (userId != null)) {
            throw new CrmValidationException("actor", "a user actor needs a user id, the customer has none");
        }
    }

    /**
     * A user of the host.
     *
     * @param userId the user
     * @return the actor
     * @throws CrmValidationException naming {@code actor} if the id is missing
     */
    public static ActivityActor user(UserId userId) {
        return new ActivityActor(Kind.USER, Checks.notNull(userId, "actor"));
    }

    /**
     * The customer the activity is about.
     *
     * @return the actor
     */
    public static ActivityActor customer() {
        return CUSTOMER;
    }

    /**
     * Whether the customer acted.
     *
     * @return true for the customer
     */
    public boolean isCustomer() {
        return kind == Kind.CUSTOMER;
    }
}
