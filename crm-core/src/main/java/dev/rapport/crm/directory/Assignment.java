package dev.rapport.crm.directory;

import dev.rapport.crm.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Picks a user to assign work to, from what the {@link Directory} says: round-robin over a team,
 * the owner of a territory, or the least loaded of some candidates (optionally with the skills a
 * ticket needs). Only active users are ever picked; a user with a {@link User#maxOpenWork()}
 * limit is skipped by the load-based methods once it is reached.
 *
 * <p>Everything but round-robin is a pure function of the directory and the given loads.
 * Round-robin keeps one cursor per team (the user picked last) in memory, shared by every tenant
 * view of one {@code Crm}; it is thread-safe, and over any number of picks the team's active
 * members get turns in the team's order, each within one of the others. The cursor is not
 * persisted: after a restart the rotation starts again at the first member.
 *
 * <pre>{@code
 * Assignment assign = crm.assignment();
 * Optional<UserId> next = assign.roundRobin(TeamId.of("inbound-sales"));
 * Optional<UserId> owner = assign.territoryOwner("DE", null);
 * Optional<UserId> agent = assign.leastLoaded(TeamId.of("support"), Set.of("billing"),
 *         user -> openTickets.count(user));
 * }</pre>
 */
public final class Assignment {
    private final Directory directory;
    private final ConcurrentMap<TeamId, UserId> cursors = new ConcurrentHashMap<>();

    /**
     * Creates an assignment helper with fresh round-robin cursors. Hosts get the shared one from
     * {@code crm.assignment()}.
     *
     * @param directory the directory
     */
    public Assignment(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The directory this helper reads.
     *
     * @return the directory
     */
    public Directory directory() {
        return directory;
    }

    /**
     * The next active member of a team in turn: the first active member after the one picked last
     * for this team, in the team's order, wrapping around. Inactive members are skipped.
     *
     * @param team the team
     * @return the user, or empty if the team is unknown or has no active member
     */
    public Optional<UserId> roundRobin(TeamId team) {
        Checks.notNull(team, "teamId");
        List<User> members = directory.members(team);
        if (members.stream().noneMatch(User::active)) {
            return Optional.empty();
        }
        UserId picked = cursors.compute(team, (t, last) -> next(members, last));
        return Optional.of(picked);
    }

    private static UserId next(List<User> members, @Nullable UserId last) {
        int start = -1;
        if (last != null) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).id().equals(last)) {
                    start = i;
                    break;
                }
            }
        }
        for (int step = 1; step <= members.size(); step++) {
            User candidate = members.get(Math.floorMod(start + step, members.size()));
            if (candidate.active()) {
                return candidate.id();
            }
        }
        throw new IllegalStateException("no active member");
    }

    /**
     * The owner of the territory covering a location (see {@link Directory#territoryFor}): its
     * first active owner, so a deputy takes over while the primary owner is inactive.
     *
     * @param country an ISO 3166-1 alpha-2 code in any case, or null if unknown
     * @param region the host's region key in any case, or null if unknown
     * @return the owner, or empty if no territory covers the location or none of its owners is active
     * @throws dev.rapport.crm.CrmValidationException naming {@code country} if it is not an ISO code
     */
    public Optional<UserId> territoryOwner(@Nullable String country, @Nullable String region) {
        return directory.territoryFor(country, region).flatMap(this::firstActive);
    }

    private Optional<UserId> firstActive(Territory territory) {
        for (UserId owner : territory.owners()) {
            if (directory.findUser(owner).map(User::active).orElse(false)) {
                return Optional.of(owner);
            }
        }
        return Optional.empty();
    }

    /**
     * The active member of a team with the least open work and room for more; ties go to the one
     * first in the team's order.
     *
     * @param team the team
     * @param openWork how many open items a user has now
     * @return the user, or empty if no active member has room
     */
    public Optional<UserId> leastLoaded(TeamId team, ToIntFunction<UserId> openWork) {
        return leastLoaded(team, Set.of(), openWork);
    }

    /**
     * The active member of a team with every required skill, the least open work and room for
     * more; ties go to the one first in the team's order. This is skill-based routing for tickets.
     *
     * @param team the team
     * @param skills the skills needed (compared trimmed and in lower case); empty for any
     * @param openWork how many open items a user has now
     * @return the user, or empty if no active member with the skills has room
     * @throws dev.rapport.crm.CrmValidationException naming {@code user.skills} if a skill is blank
     */
    public Optional<UserId> leastLoaded(TeamId team, Set<String> skills, ToIntFunction<UserId> openWork) {
        Checks.notNull(team, "teamId");
        Checks.notNull(skills, "skills");
        return pick(directory.members(team), skills, openWork);
    }

    /**
     * The candidate with the least open work and room for more; unknown and inactive candidates
     * are skipped, and ties go to the one listed first.
     *
     * @param candidates the users to choose from
     * @param openWork how many open items a user has now
     * @return the user, or empty if no candidate qualifies
     */
    public Optional<UserId> leastLoaded(Collection<UserId> candidates, ToIntFunction<UserId> openWork) {
        List<User> users = new ArrayList<>();
        for (UserId id : Checks.list(candidates, "candidates")) {
            directory.findUser(id).ifPresent(users::add);
        }
        return pick(users, Set.of(), openWork);
    }

    private static Optional<UserId> pick(List<User> users, Set<String> skills, ToIntFunction<UserId> openWork) {
        Objects.requireNonNull(openWork, "openWork");
        User best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (User user : users) {
            if (!user.active() || !user.hasSkills(skills)) {
                continue;
            }
            int load = openWork.applyAsInt(user.id());
            if (user.hasCapacity(load) && load < bestLoad) {
                best = user;
                bestLoad = load;
            }
        }
        return Optional.ofNullable(best).map(User::id);
    }
}
