package dev.rapport.crm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryDirectoryTest {
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final TeamId SUPPORT = TeamId.of("support");
    private static final TeamId SALES = TeamId.of("sales");

    private final InMemoryDirectory directory = new InMemoryDirectory();

    @Test
    void usersAreFoundById() {
        directory.addUser(User.of(ALICE));

        assertThat(directory.findUser(ALICE)).contains(User.of(ALICE));
        assertThat(directory.findUser(BOB)).isEmpty();
    }

    @Test
    void addingAUserAgainReplacesIt() {
        directory.addUser(User.of(ALICE)).addUser(User.of(ALICE).withActive(false));

        assertThat(directory.findUser(ALICE).map(User::active)).contains(false);
    }

    @Test
    void membershipDeclaredByTheTeamShowsOnTheUser() {
        directory.addUser(User.of(ALICE)).addUser(User.of(BOB))
                .addTeam(Team.of(SUPPORT, "Support").withMembers(List.of(BOB, ALICE)));

        assertThat(directory.findUser(ALICE).orElseThrow().teamIds()).containsExactly(SUPPORT);
        assertThat(directory.teamsOf(ALICE)).extracting(Team::id).containsExactly(SUPPORT);
        assertThat(directory.members(SUPPORT)).extracting(User::id).containsExactly(BOB, ALICE);
    }

    @Test
    void membershipDeclaredByTheUserShowsOnTheTeamAfterItsListedMembers() {
        directory.addTeam(Team.of(SUPPORT, "Support").withMembers(List.of(BOB)))
                .addUser(User.of(BOB))
                .addUser(User.of(CAROL).withTeams(Set.of(SUPPORT)))
                .addUser(User.of(ALICE).withTeams(Set.of(SUPPORT, SALES)));

        assertThat(directory.findTeam(SUPPORT).orElseThrow().members()).containsExactly(BOB, ALICE, CAROL);
        assertThat(directory.members(SUPPORT)).extracting(User::id).containsExactly(BOB, ALICE, CAROL);
        assertThat(directory.teamsOf(ALICE)).extracting(Team::id).containsExactly(SUPPORT);
    }

    @Test
    void replacingAUserOrTeamDropsItsOldDeclarations() {
        directory.addUser(User.of(ALICE).withTeams(Set.of(SUPPORT)))
                .addTeam(Team.of(SUPPORT, "Support"))
                .addTeam(Team.of(SALES, "Sales").withMembers(List.of(ALICE)));

        directory.addUser(User.of(ALICE)).addTeam(Team.of(SALES, "Sales"));

        assertThat(directory.teamsOf(ALICE)).isEmpty();
        assertThat(directory.members(SUPPORT)).isEmpty();
        assertThat(directory.members(SALES)).isEmpty();
    }

    @Test
    void removedUsersTeamsAndTerritoriesAreGone() {
        TerritoryId dach = TerritoryId.of("dach");
        directory.addUser(User.of(ALICE)).addTeam(Team.of(SUPPORT, "Support").withMembers(List.of(ALICE)))
                .addTerritory(Territory.of(dach, "DACH").withCountries("DE").withOwners(ALICE));

        directory.removeUser(ALICE).removeTeam(SUPPORT).removeTerritory(dach);

        assertThat(directory.findUser(ALICE)).isEmpty();
        assertThat(directory.findTeam(SUPPORT)).isEmpty();
        assertThat(directory.findTerritory(dach)).isEmpty();
        assertThat(directory.territories()).isEmpty();
        assertThat(directory.territoryFor("DE", null)).isEmpty();
    }

    @Test
    void membersTheDirectoryDoesNotKnowAreSkipped() {
        directory.addUser(User.of(ALICE)).addTeam(Team.of(SUPPORT, "Support").withMembers(List.of(BOB, ALICE)));

        assertThat(directory.members(SUPPORT)).extracting(User::id).containsExactly(ALICE);
        assertThat(directory.members(TeamId.of("unknown"))).isEmpty();
        assertThat(directory.teamsOf(BOB)).isEmpty();
    }

    @Test
    void territoryOwnersDeclaredByUsersAreAddedAfterTheListedOnes() {
        TerritoryId dach = TerritoryId.of("dach");
        directory.addTerritory(Territory.of(dach, "DACH").withCountries("DE").withOwners(BOB))
                .addUser(User.of(ALICE).withTerritories(Set.of(dach)));

        assertThat(directory.findTerritory(dach).orElseThrow().owners()).containsExactly(BOB, ALICE);
        assertThat(directory.findUser(BOB)).isEmpty();
    }

    @Test
    void theMostSpecificTerritoryCoveringALocationWins() {
        Territory germany = Territory.of(TerritoryId.of("de"), "Germany").withCountries("DE", "AT");
        Territory bavaria = Territory.of(TerritoryId.of("de-by"), "Bavaria").withCountries("DE").withRegions("DE-BY");
        Territory emea = Territory.of(TerritoryId.of("emea"), "EMEA").withRegions("EMEA");
        directory.addTerritory(emea).addTerritory(germany).addTerritory(bavaria);

        assertThat(directory.territoryFor("de", "de-by")).contains(bavaria);
        assertThat(directory.territoryFor("DE", "DE-BE")).contains(germany);
        assertThat(directory.territoryFor("AT", null)).contains(germany);
        assertThat(directory.territoryFor("DE", "EMEA")).contains(germany);
        assertThat(directory.territoryFor("FR", "EMEA")).contains(emea);
        assertThat(directory.territoryFor(null, "emea")).contains(emea);
        assertThat(directory.territoryFor("FR", null)).isEmpty();
        assertThat(directory.territoryFor(null, null)).isEmpty();
        assertThat(directory.territories()).extracting(Territory::id)
                .containsExactly(germany.id(), bavaria.id(), emea.id());
    }

    @Test
    void amongEquallySpecificTerritoriesTheFirstByIdWins() {
        Territory b = Territory.of(TerritoryId.of("b"), "B").withCountries("FR");
        Territory a = Territory.of(TerritoryId.of("a"), "A").withCountries("FR");
        directory.addTerritory(b).addTerritory(a);

        assertThat(directory.territoryFor("FR", null)).contains(a);
    }

    @Test
    void aLookUpWithACountryThatIsNotAnIsoCodeIsRefused() {
        assertThatThrownBy(() -> directory.territoryFor("Germany", null)).isInstanceOf(CrmValidationException.class)
                .extracting(e -> ((CrmValidationException) e).field()).isEqualTo("country");
    }

    @Test
    void theDefaultsOfThePortWorkForAHostThatImplementsOnlyTheBasics() {
        Team support = Team.of(SUPPORT, "Support").withMembers(List.of(BOB, ALICE));
        Territory germany = Territory.of(TerritoryId.of("de"), "DE").withCountries("DE");
        Territory bavaria = Territory.of(TerritoryId.of("by"), "BY").withCountries("DE").withRegions("DE-BY");
        Directory host = new Directory() {
            @Override
            public Optional<User> findUser(UserId id) {
                return id.equals(ALICE) ? Optional.of(User.of(ALICE).withTeams(Set.of(SUPPORT)))
                        : id.equals(BOB) ? Optional.of(User.of(BOB)) : Optional.empty();
            }

            @Override
            public Optional<Team> findTeam(TeamId id) {
                return id.equals(SUPPORT) ? Optional.of(support) : Optional.empty();
            }

            @Override
            public List<Territory> territories() {
                return List.of(germany, bavaria);
            }
        };

        assertThat(host.members(SUPPORT)).extracting(User::id).containsExactly(BOB, ALICE);
        assertThat(host.teamsOf(ALICE)).containsExactly(support);
        assertThat(host.findTerritory(TerritoryId.of("by"))).contains(bavaria);
        assertThat(host.territoryFor("DE", "DE-BY")).contains(bavaria);
        assertThat(host.territoryFor("DE", null)).contains(germany);
    }

    @Test
    void aHostWithOnlyUsersHasNoTeamsOrTerritories() {
        Directory host = id -> Optional.of(User.of(id));

        assertThat(host.findTeam(SUPPORT)).isEmpty();
        assertThat(host.members(SUPPORT)).isEmpty();
        assertThat(host.teamsOf(ALICE)).isEmpty();
        assertThat(host.territories()).isEmpty();
        assertThat(host.territoryFor("DE", null)).isEmpty();
    }

    @Test
    void readersSeeEveryChangeWholeWhileWritersChangeTheDirectory() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    UserId id = UserId.of("u" + i);
                    directory.addUser(User.of(id)).addTeam(Team.of(SUPPORT, "Support")
                            .withMembers(List.of(id)));
                }
            });
            Future<?> reader = pool.submit(() -> {
                while (!writer.isDone()) {
                    List<User> members = directory.members(SUPPORT);
                    assertThat(members.size()).isLessThanOrEqualTo(1);
                }
            });
            writer.get(30, TimeUnit.SECONDS);
            reader.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(directory.members(SUPPORT)).extracting(User::id).containsExactly(UserId.of("u1999"));
    }
}
