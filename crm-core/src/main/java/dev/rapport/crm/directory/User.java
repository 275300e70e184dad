package dev.rapport.crm.directory;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A user of the host application, as the CRM sees it: an id, whether it is active, the teams and
 * territories it belongs to, its skills (for ticket routing) and optionally how much open work it
 * may carry at once. Names, e-mail addresses and other personal data stay in the host's user
 * management.
 *
 * <pre>{@code
 * User alice = User.of(UserId.of("alice"))
 *         .withTeams(Set.of(TeamId.of("support")))
 *         .withSkills("billing", "german")
 *         .withMaxOpenWork(20);
 * }</pre>
 *
 * @param id the user id
 * @param active whether the user can own records and be assigned work
 * @param teamIds the teams the user belongs to
 * @param territoryIds the territories the user covers
 * @param skills the user's skills, trimmed and in lower case, e.g. {@code "billing"}
 * @param maxOpenWork how many open items the user may carry at once, or null for no limit
 */
public record User(UserId id, boolean active, Set<TeamId> teamIds, Set<TerritoryId> territoryIds, Set<String> skills,
        @Nullable Integer maxOpenWork) {

    /**
     * Validates the user.
     *
     * @param id the user id
     * @param active whether the user can own records and be assigned work
     * @param teamIds the teams the user belongs to
     * @param territoryIds the territories the user covers
     * @param skills the user's skills, trimmed and in lower case, e.g. {@code "billing"}
     * @param maxOpenWork how many open items the user may carry at once, or null for no limit
     * @throws CrmValidationException naming the field if the id is missing, a set holds null or
     *     a blank skill, or the limit is not positive
     */
    public User {
        Checks.notNull(id, "user.id");
        teamIds = sorted(teamIds, TeamId::value, "user.teamIds");
        territoryIds = sorted(territoryIds, TerritoryId::value, "user.territoryIds");
        skills = skills(skills);
        if (maxOpenWork != null && maxOpenWork < 1) {
            throw new CrmValidationException("user.maxOpenWork", "must be at least 1");
        }
    }

    /**
     * A user in no team or territory, without skills or limit.
     *
     * @param id the user id
     * @param active whether the user can own records and be assigned work
     * @throws CrmValidationException if the id is missing
     */
    public User(UserId id, boolean active) {
        this(id, active, Set.of(), Set.of(), Set.of(), null);
    }

    /**
     * An active user in no team or territory.
     *
     * @param id the user id
     * @return the user
     * @throws CrmValidationException if the id is missing
     */
    public static User of(UserId id) {
        return new User(id, true);
    }

    /**
     * A copy that is active or not.
     *
     * @param isActive whether the user is active
     * @return the copy
     */
    public User withActive(boolean isActive) {
        return new User(id, isActive, teamIds, territoryIds, skills, maxOpenWork);
    }

    /**
     * A copy with other teams.
     *
     * @param teams the teams
     * @return the copy
     * @throws CrmValidationException if the set holds null
     */
    public User withTeams(Set<TeamId> teams) {
        return new User(id, active, teams, territoryIds, skills, maxOpenWork);
    }

    /**
     * A copy with other territories.
     *
     * @param territories the territories
     * @return the copy
     * @throws CrmValidationException if the set holds null
     */
    public User withTerritories(Set<TerritoryId> territories) {
        return new User(id, active, teamIds, territories, skills, maxOpenWork);
    }

    /**
     * A copy with other skills.
     *
     * @param newSkills the skills, e.g. {@code "billing", "german"}
     * @return the copy
     * @throws CrmValidationException if a skill is blank or longer than 64 characters
     */
    public User withSkills(String... newSkills) {
        return new User(id, active, teamIds, territoryIds, Set.of(newSkills), maxOpenWork);
    }

    /**
     * A copy with another limit of open work.
     *
     * @param limit the limit, or null for none
     * @return the copy
     * @throws CrmValidationException if the limit is not positive
     */
    public User withMaxOpenWork(@Nullable Integer limit) {
        return new User(id, active, teamIds, territoryIds, skills, limit);
    }

    /**
     * Whether the user has every one of some skills (compared trimmed and in lower case).
     *
     * <pre>{@code
     * alice.hasSkills(Set.of("Billing"));   // true if alice has "billing"
     * }</pre>
     *
     * @param required the skills needed
     * @return true if the user has all of them
     * @throws CrmValidationException if a skill is blank
     */
    public boolean hasSkills(Collection<String> required) {
        return skills.containsAll(skills(required));
    }

    /**
     * Whether the user can take one more item, given how many it has open.
     *
     * @param openWork the number of items the user has open now
     * @return true if there is no limit or the user is below it
     */
    public boolean hasCapacity(int openWork) {
        return maxOpenWork == null || openWork < maxOpenWork;
    }

    static <T> Set<T> sorted(@Nullable Collection<T> values, Function<T, String> key, String field) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        List<T> list = new ArrayList<>(Checks.list(values, field));
        list.sort(Comparator.comparing(key));
        return Collections.unmodifiableSet(new LinkedHashSet<>(list));
    }

    static Set<String> skills(@Nullable Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        List<String> normalized = new ArrayList<>();
        for (String value : Checks.list(values, "user.skills")) {
            String skill = Checks.nonBlank(value, "user.skills").toLowerCase(Locale.ROOT);
            normalized.add(Checks.maxLength(skill, 64, "user.skills"));
        }
        return sorted(normalized, s -> s, "user.skills");
    }
}
