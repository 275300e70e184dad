package dev.rapport.crm.directory;

import java.util.Optional;

/**
 * The port to the host's users, who own CRM records. The host implements it from its own user
 * management; {@link InMemoryDirectory} is the default. Owner assignments are checked against it:
 * only known, active users can own records.
 *
 * <pre>{@code
 * InMemoryDirectory directory = new InMemoryDirectory();
 * directory.addUser(User.of(UserId.of("u-1")));
 * Crm crm = Crm.builder().directory(directory).build();
 * }</pre>
 */
public interface Directory {
    /**
     * A user by id.
     *
     * @param id the user id
     * @return the user, or empty if the host has none with that id
     */
    Optional<User> findUser(UserId id);
}
