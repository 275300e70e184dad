package dev.rapport.crm.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The port to the host's users, teams and territories. Users own CRM records; routing and
 * assignment ({@link Assignment}) read teams and territories. The host implements it from its own
 * user management; {@link InMemoryDirectory} is the default.
 *
 * <p>Only {@link #findUser} is required: a host without teams or territories implements that one
 * method. A host with teams adds {@link #findTeam}; one with territories adds {@link #territories()}.
 * The other methods have defaults built on those and may be overridden with indexed look-ups.
 * Owner assignments are checked against it: only known, active users can own records.
 *
 * <pre>{@code
 * Directory hostUsers = id -> userRepository.find(id.value())
 *         .map(u -> new User(id, u.isEnabled()));
 * Crm crm = Crm.builder().directory(hostUsers).build();
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

    /**
     * A team by id. The default knows no teams.
     *
     * @param id the team id
     * @return the team, or empty if the host has none with that id
     */
    default Optional<Team> findTeam(TeamId id) {
        return Optional.empty();
    }

    /**
     * The teams a user belongs to. The default resolves the user's {@link User#teamIds()}.
     *
     * @param user the user
     * @return the teams, ordered by id; empty if the user is unknown
     */
    default List<Team> teamsOf(UserId user) {
        List<Team> teams = new ArrayList<>();
        findUser(user).ifPresent(u -> u.teamIds().forEach(t -> findTeam(t).ifPresent(teams::add)));
        teams.sort(Comparator.comparing(t -> t.id().value()));
        return List.copyOf(teams);
    }

    /**
     * The members of a team, active or not, in the team's order. The default resolves the team's
     * {@link Team#members()}, skipping ids the directory does not know.
     *
     * @param team the team
     * @return the members; empty if the team is unknown
     */
    default List<User> members(TeamId team) {
        List<User> users = new ArrayList<>();
        findTeam(team).ifPresent(t -> t.members().forEach(m -> findUser(m).ifPresent(users::add)));
        return List.copyOf(users);
    }

    /**
     * All territories. The default knows none.
     *
     * @return the territories, ordered by id
     */
    default List<Territory> territories() {
        return List.of();
    }

    /**
     * A territory by id. The default searches {@link #territories()}.
     *
     * @param id the territory id
     * @return the territory, or empty
     */
    default Optional<Territory> findTerritory(TerritoryId id) {
        return territories().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * The territory covering a location: of those that {@link Territory#covers cover} it, the most
     * specific (country and region, then country, then region), and among equals the first by id.
     * The default searches {@link #territories()}.
     *
     * <pre>{@code
     * directory.territoryFor("DE", "DE-BY").map(Territory::owners);
     * }</pre>
     *
     * @param country an ISO 3166-1 alpha-2 code in any case, or null if unknown
     * @param region the host's region key in any case, or null if unknown
     * @return the territory, or empty if none covers the location
     * @throws dev.rapport.crm.CrmValidationException naming {@code country} if it is not an ISO code
     */
    default Optional<Territory> territoryFor(@Nullable String country, @Nullable String region) {
        return best(territories(), country, region);
    }

    /**
     * The most specific of some territories for a location, first by id among equals.
     *
     * @param candidates the territories to choose from
     * @param country an ISO 3166-1 alpha-2 code in any case, or null
     * @param region a region key in any case, or null
     * @return the best territory, or empty if none covers the location
     * @throws dev.rapport.crm.CrmValidationException naming {@code country} if it is not an ISO code
     */
    static Optional<Territory> best(Iterable<Territory> candidates, @Nullable String country,
            @Nullable String region) {
        String c = country == null ? null : Territory.country(country, "country");
        String r = region == null ? null : Territory.region(region, "region");
        Territory best = null;
        int bestScore = 0;
        for (Territory t : candidates) {
            int score = t.specificity(c, r);
            if (score > bestScore || score > 0 && score == bestScore && t.id().value().compareTo(best.id().value()) < 0) {
                best = t;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
