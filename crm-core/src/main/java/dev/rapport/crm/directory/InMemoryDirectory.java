package dev.rapport.crm.directory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default directory, kept in memory and filled by the host. Thread-safe.
 *
 * <pre>{@code
 * InMemoryDirectory directory = new InMemoryDirectory();
 * directory.addUser(User.of(UserId.of("alice")));
 * }</pre>
 */
public final class InMemoryDirectory implements Directory {
    private final Map<UserId, User> users = new ConcurrentHashMap<>();

    /** Creates an empty directory. */
    public InMemoryDirectory() {
    }

    /**
     * Adds or replaces a user.
     *
     * @param user the user
     * @return this directory
     */
    public InMemoryDirectory addUser(User user) {
        users.put(user.id(), user);
        return this;
    }

    @Override
    public Optional<User> findUser(UserId id) {
        return Optional.ofNullable(users.get(id));
    }
}
