package dev.rapport.crm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For any team, round-robin gives every active member the same number of turns over whole
 * rounds, never picks an inactive member, and never picks the same member twice in a row while
 * another is active.
 */
class RoundRobinProperties {

    static Gen<List<Boolean>> team() {
        return Gen.lists(Gen.booleans(), 0, 12);
    }

    static Gen<Integer> rounds() {
        return Gen.integers(1, 20);
    }

    @Property(tries = 300)
    void everyActiveMemberGetsTheSameNumberOfTurns(@ForAll("team") List<Boolean> active,
            @ForAll("rounds") Integer rounds) {
        InMemoryDirectory directory = new InMemoryDirectory();
        List<UserId> members = new ArrayList<>();
        List<UserId> activeMembers = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            UserId id = UserId.of("u" + i);
            members.add(id);
            directory.addUser(User.of(id).withActive(active.get(i)));
            if (active.get(i)) {
                activeMembers.add(id);
            }
        }
        TeamId team = TeamId.of("team");
        directory.addTeam(Team.of(team, "Team").withMembers(members));
        Assignment assignment = new Assignment(directory);

        if (activeMembers.isEmpty()) {
            assertThat(assignment.roundRobin(team)).isEmpty();
            return;
        }
        Map<UserId, Integer> turns = new HashMap<>();
        UserId previous = null;
        for (int i = 0; i < rounds * activeMembers.size(); i++) {
            UserId picked = assignment.roundRobin(team).orElseThrow();
            assertThat(activeMembers).contains(picked);
            if (activeMembers.size() > 1) {
                assertThat(picked).isNotEqualTo(previous);
            }
            turns.merge(picked, 1, Integer::sum);
            previous = picked;
        }
        assertThat(turns).containsOnlyKeys(activeMembers);
        assertThat(turns.values()).containsOnly(rounds);
    }
}
