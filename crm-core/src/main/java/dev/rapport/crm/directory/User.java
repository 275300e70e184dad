package dev.rapport.crm.directory;

import dev.rapport.crm.internal.Checks;

/**
 * A user of the host application, as the CRM sees it: an id and whether it is active. Names
 * stay in the host's user management.
 *
 * <pre>{@code
 * User alice = User.of(UserId.of("alice"));
 * }</pre>
 *
 * @param id the user id
 * @param active whether the user can own records
 */
public record User(UserId id, boolean active) {
    /**
     * Validates the user.
     *
     * @param id the user id
     * @param active whether the user can own records
     * @throws dev.rapport.crm.CrmValidationException if the id is missing
     */
    public User {
        Checks.notNull(id, "user.id");
    }

    /**
     * An active user.
     *
     * @param id the user id
     * @return the user
     */
    public static User of(UserId id) {
        return new User(id, true);
    }
}
