package dev.rapport.crm.directory;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team of users, e.g. a sales team or a support queue. The members' order is the order
 * round-robin assignment follows.
 *
 * <pre>{@code
 * Team support = Team.of(TeamId.of("support"), "Support")
 *         .withMembers(List.of(UserId.of("alice"), UserId.of("bob")))
 *         .withManager(UserId.of("carol"));
 * }</pre>
 *
 * @param id the team id
 * @param name the team's name, e.g. {@code "Support EMEA"}
 * @param members the members, in assignment order, without duplicates
 * @param managerId the team's manager, or null
 */
public record Team(TeamId id, String name, List<UserId> members, @Nullable UserId managerId) {

    /**
     * Validates the team.
     *
     * @param id the team id
     * @param name the team's name, e.g. {@code "Support EMEA"}
     * @param members the members, in assignment order, without duplicates
     * @param managerId the team's manager, or null
     * @throws CrmValidationException naming the field if the id or name is missing, or a member
     *     is null or listed twice
     */
    public Team {
        Checks.notNull(id, "team.id");
        name = Checks.maxLength(Checks.nonBlank(name, "team.name"), 200, "team.name");
        members = Checks.list(members, "team.members");
        if (new HashSet<>(members).size() != members.size()) {
            throw new CrmValidationException("team.members", "must not list a user twice");
        }
    }

    /**
     * A team without members or manager.
     *
     * @param id the team id
     * @param name the team's name
     * @return the team
     * @throws CrmValidationException if the id or name is missing
     */
    public static Team of(TeamId id, String name) {
        return new Team(id, name, List.of(), null);
    }

    /**
     * A copy with other members.
     *
     * @param newMembers the members, in assignment order
     * @return the copy
     * @throws CrmValidationException if a member is null or listed twice
     */
    public Team withMembers(List<UserId> newMembers) {
        return new Team(id, name, newMembers, managerId);
    }

    /**
     * A copy with one more member at the end (or this team if it already is one).
     *
     * @param member the new member
     * @return the copy
     */
    public Team withMember(UserId member) {
        Checks.notNull(member, "team.members");
        if (members.contains(member)) {
            return this;
        }
        List<UserId> next = new ArrayList<>(members);
        next.add(member);
        return new Team(id, name, next, managerId);
    }

    /**
     * A copy with another manager.
     *
     * @param manager the manager, or null
     * @return the copy
     */
    public Team withManager(@Nullable UserId manager) {
        return new Team(id, name, members, manager);
    }

    /**
     * Whether a user is listed as a member.
     *
     * @param user the user
     * @return true if the team lists it
     */
    public boolean hasMember(UserId user) {
        return members.contains(user);
    }
}
