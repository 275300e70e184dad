package dev.rapport.crm.directory;

import dev.rapport.crm.internal.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The default directory, kept in memory and filled by the host. Thread-safe: readers run in
 * parallel, and each change is seen whole.
 *
 * <p>Membership may be declared on either side: a team listing a user and a user listing a team
 * both make the user a member, and the directory reports it on both sides ({@link #findUser}
 * returns the user with the team, {@link #findTeam} the team with the user). The same holds for
 * territory owners and the users' territories. Look-ups by team, user and location are indexed.
 *
 * <pre>{@code
 * InMemoryDirectory directory = new InMemoryDirectory()
 *         .addUser(User.of(UserId.of("alice")))
 *         .addUser(User.of(UserId.of("bob")).withSkills("billing"))
 *         .addTeam(Team.of(TeamId.of("support"), "Support")
 *                 .withMembers(List.of(UserId.of("alice"), UserId.of("bob"))))
 *         .addTerritory(Territory.of(TerritoryId.of("dach"), "DACH")
 *                 .withCountries("DE", "AT", "CH").withOwners(UserId.of("alice")));
 * }</pre>
 */
public final class InMemoryDirectory implements Directory {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<UserId, User> users = new HashMap<>();
    private final TreeMap<String, Team> teams = new TreeMap<>();
    private final TreeMap<String, Territory> territories = new TreeMap<>();
    /** Team to the users that list it in their own record. */
    private final Map<TeamId, Set<UserId>> declaredByUsers = new HashMap<>();
    /** User to the teams whose record lists it. */
    private final Map<UserId, Set<TeamId>> listedByTeams = new HashMap<>();
    /** Territory to the users that list it in their own record. */
    private final Map<TerritoryId, Set<UserId>> coveredByUsers = new HashMap<>();
    /** User to the territories whose record lists it as an owner. */
    private final Map<UserId, Set<TerritoryId>> ownedTerritories = new HashMap<>();
    /** Country code to the territories that list it. */
    private final Map<String, Set<TerritoryId>> byCountry = new HashMap<>();
    /** Region key to the territories that list it. */
    private final Map<String, Set<TerritoryId>> byRegion = new HashMap<>();

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
        Checks.notNull(user, "user");
        write(() -> {
            removeUserLinks(user.id());
            users.put(user.id(), user);
            user.teamIds().forEach(t -> link(declaredByUsers, t, user.id()));
            user.territoryIds().forEach(t -> link(coveredByUsers, t, user.id()));
        });
        return this;
    }

    /**
     * Removes a user (its own declarations with it; teams and territories listing it keep it).
     *
     * @param id the user id
     * @return this directory
     */
    public InMemoryDirectory removeUser(UserId id) {
        write(() -> {
            removeUserLinks(id);
            users.remove(id);
        });
        return this;
    }

    /**
     * Adds or replaces a team.
     *
     * @param team the team
     * @return this directory
     */
    public InMemoryDirectory addTeam(Team team) {
        Checks.notNull(team, "team");
        write(() -> {
            removeTeamLinks(team.id());
            teams.put(team.id().value(), team);
            team.members().forEach(m -> link(listedByTeams, m, team.id()));
        });
        return this;
    }

    /**
     * Removes a team.
     *
     * @param id the team id
     * @return this directory
     */
    public InMemoryDirectory removeTeam(TeamId id) {
        write(() -> {
            removeTeamLinks(id);
            teams.remove(id.value());
        });
        return this;
    }

    /**
     * Adds or replaces a territory.
     *
     * @param territory the territory
     * @return this directory
     */
    public InMemoryDirectory addTerritory(Territory territory) {
        Checks.notNull(territory, "territory");
        write(() -> {
            removeTerritoryLinks(territory.id());
            territories.put(territory.id().value(), territory);
            territory.owners().forEach(o -> link(ownedTerritories, o, territory.id()));
            territory.countries().forEach(c -> link(byCountry, c, territory.id()));
            territory.regions().forEach(r -> link(byRegion, r, territory.id()));
        });
        return this;
    }

    /**
     * Removes a territory.
     *
     * @param id the territory id
     * @return this directory
     */
    public InMemoryDirectory removeTerritory(TerritoryId id) {
        write(() -> {
            removeTerritoryLinks(id);
            territories.remove(id.value());
        });
        return this;
    }

    @Override
    public Optional<User> findUser(UserId id) {
        Checks.notNull(id, "userId");
        return read(() -> Optional.ofNullable(users.get(id)).map(this::complete));
    }

    @Override
    public Optional<Team> findTeam(TeamId id) {
        Checks.notNull(id, "teamId");
        return read(() -> Optional.ofNullable(teams.get(id.value())).map(this::complete));
    }

    @Override
    public List<Team> teamsOf(UserId user) {
        Checks.notNull(user, "userId");
        return read(() -> {
            User u = users.get(user);
            if (u == null) {
                return List.of();
            }
            List<Team> result = new ArrayList<>();
            for (TeamId id : complete(u).teamIds()) {
                Team team = teams.get(id.value());
                if (team != null) {
                    result.add(complete(team));
                }
            }
            return List.copyOf(result);
        });
    }

    @Override
    public List<User> members(TeamId team) {
        Checks.notNull(team, "teamId");
        return read(() -> {
            Team t = teams.get(team.value());
            if (t == null) {
                return List.of();
            }
            List<User> result = new ArrayList<>();
            for (UserId id : complete(t).members()) {
                User user = users.get(id);
                if (user != null) {
                    result.add(complete(user));
                }
            }
            return List.copyOf(result);
        });
    }

    @Override
    public List<Territory> territories() {
        return read(() -> territories.values().stream().map(this::complete).toList());
    }

    @Override
    public Optional<Territory> findTerritory(TerritoryId id) {
        Checks.notNull(id, "territoryId");
        return read(() -> Optional.ofNullable(territories.get(id.value())).map(this::complete));
    }

    @Override
    public Optional<Territory> territoryFor(@Nullable String country, @Nullable String region) {
        String c = country == null ? null : Territory.country(country, "country");
        String r = region == null ? null : Territory.region(region, "region");
        return read(() -> {
            Set<TerritoryId> candidates = new LinkedHashSet<>();
            if (c != null) {
                candidates.addAll(byCountry.getOrDefault(c, Set.of()));
            }
            if (r != null) {
                candidates.addAll(byRegion.getOrDefault(r, Set.of()));
            }
            List<Territory> found = new ArrayList<>();
            for (TerritoryId id : candidates) {
                found.add(complete(territories.get(id.value())));
            }
            return Directory.best(found, c, r);
        });
    }

    private User complete(User user) {
        Set<TeamId> extraTeams = listedByTeams.getOrDefault(user.id(), Set.of());
        Set<TerritoryId> extraTerritories = ownedTerritories.getOrDefault(user.id(), Set.of());
        if (user.teamIds().containsAll(extraTeams) && user.territoryIds().containsAll(extraTerritories)) {
            return user;
        }
        return user.withTeams(union(user.teamIds(), extraTeams)).withTerritories(
                union(user.territoryIds(), extraTerritories));
    }

    private Team complete(Team team) {
        Set<UserId> extra = declaredByUsers.getOrDefault(team.id(), Set.of());
        if (team.members().containsAll(extra)) {
            return team;
        }
        return team.withMembers(appended(team.members(), extra));
    }

    private Territory complete(Territory territory) {
        Set<UserId> extra = coveredByUsers.getOrDefault(territory.id(), Set.of());
        if (territory.owners().containsAll(extra)) {
            return territory;
        }
        return new Territory(territory.id(), territory.name(), territory.countries(), territory.regions(),
                appended(territory.owners(), extra));
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The listed ids, then the other declared ones ordered by id. */
    private static List<UserId> appended(List<UserId> listed, Set<UserId> declared) {
        List<UserId> all = new ArrayList<>(listed);
        TreeSet<String> extra = new TreeSet<>();
        for (UserId id : declared) {
            if (!listed.contains(id)) {
                extra.add(id.value());
            }
        }
        extra.forEach(v -> all.add(UserId.of(v)));
        return all;
    }

    private void removeUserLinks(UserId id) {
        User old = users.get(id);
        if (old != null) {
            old.teamIds().forEach(t -> unlink(declaredByUsers, t, id));
            old.territoryIds().forEach(t -> unlink(coveredByUsers, t, id));
        }
    }

    private void removeTeamLinks(TeamId id) {
        Team old = teams.get(id.value());
        if (old != null) {
            old.members().forEach(m -> unlink(listedByTeams, m, id));
        }
    }

    private void removeTerritoryLinks(TerritoryId id) {
        Territory old = territories.get(id.value());
        if (old != null) {
            old.owners().forEach(o -> unlink(ownedTerritories, o, id));
            old.countries().forEach(c -> unlink(byCountry, c, id));
            old.regions().forEach(r -> unlink(byRegion, r, id));
        }
    }

    private static <K, V> void link(Map<K, Set<V>> index, K key, V value) {
        index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
    }

    private static <K, V> void unlink(Map<K, Set<V>> index, K key, V value) {
        Set<V> values = index.get(key);
        if (values != null) {
            values.remove(value);
            if (values.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
