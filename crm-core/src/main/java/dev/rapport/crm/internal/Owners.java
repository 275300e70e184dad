package dev.rapport.crm.internal;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import org.jspecify.annotations.Nullable;

/** Checks owner assignments against the directory. Internal: not API. */
public final class Owners {
    private Owners() {
    }

    /**
     * Requires an owner to be a known, active user (or absent).
     *
     * @param context the service context
     * @param owner the owner or null
     * @param field the field name for the error
     * @throws CrmValidationException if the user is unknown or inactive
     */
    public static void check(ServiceContext context, @Nullable UserId owner, String field) {
        if (owner == null) {
            return;
        }
        User user = context.directory().findUser(owner)
                .orElseThrow(() -> new CrmValidationException(field, "is not a user of the directory"));
        if (!user.active()) {
            throw new CrmValidationException(field, "is not an active user");
        }
    }
}
