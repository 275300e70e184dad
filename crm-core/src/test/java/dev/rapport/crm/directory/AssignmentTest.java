package dev.rapport.crm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssignmentTest {
    private static final UserId A = UserId.of("a");
    private static final UserId B = UserId.of("b");
    private static final UserId C = UserId.of("c");
    private static final UserId D = UserId.of("d");
    private static final TeamId TEAM = TeamId.of("team");

    private final InMemoryDirectory directory = new InMemoryDirectory()
            .addUser(User.of(A)).addUser(User.of(B)).addUser(User.of(C)).addUser(User.of(D).withActive(false))
            .addTeam(Team.of(TEAM, "Team").withMembers(List.of(A, D, B, C)));
    private final Assignment assignment = new Assignment(directory);

    private List<UserId> picks(int n) {
        List<UserId> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(assignment.roundRobin(TEAM).orElseThrow());
        }
        return picked;
    }

    @Test
    void roundRobinGoesThroughTheActiveMembersInTheTeamsOrder() {
        assertThat(picks(7)).containsExactly(A, B, C, A, B, C, A);
    }

    @Test
    void roundRobinIsFairOverManyAssignmentsAndNeverPicksAnInactiveUser() {
        Map<UserId, Long> counts = picks(3_000).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts).containsOnlyKeys(A, B, C);
        assertThat(counts.values()).containsOnly(1_000L);
    }

    @Test
    void roundRobinSkipsAUserWhoBecameInactiveAndContinuesAfterIt() {
        assertThat(picks(2)).containsExactly(A, B);
        directory.addUser(User.of(B).withActive(false));
        directory.addUser(User.of(D));

        assertThat(picks(4)).containsExactly(C, A, D, C);
    }

    @Test
    void roundRobinStartsAgainAtTheFirstMemberWhenTheLastPickedLeftTheTeam() {
        assertThat(picks(2)).containsExactly(A, B);
        directory.addTeam(Team.of(TEAM, "Team").withMembers(List.of(A, C)));

        assertThat(picks(3)).containsExactly(A, C, A);
    }

    @Test
    void roundRobinKeepsOneCursorPerTeam() {
        TeamId other = TeamId.of("other");
        directory.addTeam(Team.of(other, "Other").withMembers(List.of(C, B)));

        assertThat(assignment.roundRobin(TEAM)).contains(A);
        assertThat(assignment.roundRobin(other)).contains(C);
        assertThat(assignment.roundRobin(TEAM)).contains(B);
        assertThat(assignment.roundRobin(other)).contains(B);
    }

    @Test
    void roundRobinFindsNobodyInAnUnknownTeamOrOneWithoutActiveMembers() {
        TeamId idle = TeamId.of("idle");
        directory.addTeam(Team.of(idle, "Idle").withMembers(List.of(D))).addUser(User.of(D).withActive(false));

        assertThat(assignment.roundRobin(TeamId.of("unknown"))).isEmpty();
        assertThat(assignment.roundRobin(idle)).isEmpty();
    }

    @Test
    void roundRobinStaysFairUnderConcurrentAssignments() throws Exception {
        int threads = 6;
        int perThread = 1_500;
        Map<UserId, AtomicInteger> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        counts.computeIfAbsent(assignment.roundRobin(TEAM).orElseThrow(), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counts).containsOnlyKeys(A, B, C);
        assertThat(counts.values()).extracting(AtomicInteger::get).containsOnly(threads * perThread / 3);
    }

    @Test
    void theTerritoryOwnerIsItsFirstActiveOwner() {
        directory.addTerritory(Territory.of(TerritoryId.of("dach"), "DACH").withCountries("DE", "AT")
                .withOwners(D, B, A));
        directory.addTerritory(Territory.of(TerritoryId.of("by"), "Bavaria").withCountries("DE").withRegions("DE-BY")
                .withOwners(C));

        assertThat(assignment.territoryOwner("AT", null)).contains(B);
        assertThat(assignment.territoryOwner("de", "de-by")).contains(C);
        assertThat(assignment.territoryOwner("FR", null)).isEmpty();
    }

    @Test
    void aTerritoryWhoseOwnersAreAllInactiveOrUnknownHasNoOwnerToAssign() {
        directory.addTerritory(Territory.of(TerritoryId.of("fr"), "France").withCountries("FR")
                .withOwners(D, UserId.of("ghost")));

        assertThat(assignment.territoryOwner("FR", null)).isEmpty();
    }

    @Test
    void leastLoadedPicksTheActiveMemberWithTheLeastOpenWork() {
        Map<UserId, Integer> load = Map.of(A, 5, B, 2, C, 3, D, 0);

        assertThat(assignment.leastLoaded(TEAM, load::get)).contains(B);
    }

    @Test
    void leastLoadedBreaksTiesByTheTeamsOrder() {
        Map<UserId, Integer> load = Map.of(A, 4, B, 1, C, 1, D, 0);

        assertThat(assignment.leastLoaded(TEAM, load::get)).contains(B);
    }

    @Test
    void leastLoadedSkipsUsersAtTheirLimit() {
        directory.addUser(User.of(B).withMaxOpenWork(2));
        Map<UserId, Integer> load = Map.of(A, 5, B, 2, C, 3, D, 0);

        assertThat(assignment.leastLoaded(TEAM, load::get)).contains(C);
        directory.addUser(User.of(A).withMaxOpenWork(5)).addUser(User.of(C).withMaxOpenWork(1));
        assertThat(assignment.leastLoaded(TEAM, load::get)).isEmpty();
    }

    @Test
    void skillBasedRoutingPicksTheLeastLoadedMemberWithEverySkill() {
        directory.addUser(User.of(A).withSkills("billing", "german"))
                .addUser(User.of(B).withSkills("billing"))
                .addUser(User.of(C).withSkills("billing", "german"));
        Map<UserId, Integer> load = Map.of(A, 3, B, 0, C, 1, D, 0);

        assertThat(assignment.leastLoaded(TEAM, Set.of("Billing", "German"), load::get)).contains(C);
        assertThat(assignment.leastLoaded(TEAM, Set.of("billing"), load::get)).contains(B);
        assertThat(assignment.leastLoaded(TEAM, Set.of("french"), load::get)).isEmpty();
    }

    @Test
    void leastLoadedAmongCandidatesSkipsUnknownAndInactiveOnes() {
        Map<UserId, Integer> load = Map.of(A, 3, B, 2, C, 9, D, 0);

        assertThat(assignment.leastLoaded(List.of(UserId.of("ghost"), D, C, A), load::get)).contains(A);
        assertThat(assignment.leastLoaded(List.of(D), load::get)).isEmpty();
    }

    @Test
    void aHelperReadsTheDirectoryItWasGiven() {
        assertThat(assignment.directory()).isSameAs(directory);
        assertThat(new Assignment(id -> Optional.empty()).roundRobin(TEAM)).isEmpty();
    }
}
