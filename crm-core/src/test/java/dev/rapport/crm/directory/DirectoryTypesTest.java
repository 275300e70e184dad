package dev.rapport.crm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectoryTypesTest {

    private static void assertRefused(Runnable making, String field) {
        assertThatThrownBy(making::run).isInstanceOf(CrmValidationException.class)
                .extracting(e -> ((CrmValidationException) e).field()).isEqualTo(field);
    }

    @Test
    void aUserOfAnIdIsActiveAndInNoTeam() {
        User alice = User.of(UserId.of("alice"));
        assertThat(alice.active()).isTrue();
        assertThat(alice.teamIds()).isEmpty();
        assertThat(alice.territoryIds()).isEmpty();
        assertThat(alice.skills()).isEmpty();
        assertThat(alice.maxOpenWork()).isNull();
        assertThat(new User(UserId.of("gone"), false).active()).isFalse();
    }

    @Test
    void skillsAreTrimmedInLowerCaseAndMatchedSo() {
        User bob = User.of(UserId.of("bob")).withSkills(" Billing ", "GERMAN");
        assertThat(bob.skills()).containsExactly("billing", "german");
        assertThat(bob.hasSkills(Set.of("billing"))).isTrue();
        assertThat(bob.hasSkills(Set.of("German", "BILLING"))).isTrue();
        assertThat(bob.hasSkills(Set.of("french"))).isFalse();
        assertThat(bob.hasSkills(Set.of())).isTrue();
    }

    @Test
    void badUserPartsAreRefused() {
        assertRefused(() -> User.of(UserId.of("bob")).withSkills(" "), "user.skills");
        assertRefused(() -> User.of(UserId.of("bob")).withSkills("x".repeat(65)), "user.skills");
        assertRefused(() -> User.of(UserId.of("bob")).withMaxOpenWork(0), "user.maxOpenWork");
        assertRefused(() -> User.of(null), "user.id");
    }

    @Test
    void capacityIsUnlimitedWithoutAMaximum() {
        assertThat(User.of(UserId.of("a")).hasCapacity(1_000_000)).isTrue();
        User limited = User.of(UserId.of("a")).withMaxOpenWork(3);
        assertThat(limited.hasCapacity(2)).isTrue();
        assertThat(limited.hasCapacity(3)).isFalse();
    }

    @Test
    void aTeamKeepsItsMembersInOrderAndRefusesDuplicates() {
        Team team = Team.of(TeamId.of("t"), "Support").withMember(UserId.of("b")).withMember(UserId.of("a"))
                .withMember(UserId.of("b")).withManager(UserId.of("m"));
        assertThat(team.members()).containsExactly(UserId.of("b"), UserId.of("a"));
        assertThat(team.managerId()).isEqualTo(UserId.of("m"));
        assertThat(team.hasMember(UserId.of("a"))).isTrue();
        assertRefused(() -> team.withMembers(List.of(UserId.of("x"), UserId.of("x"))), "team.members");
        assertRefused(() -> Team.of(TeamId.of("t"), " "), "team.name");
    }

    @Test
    void territoriesNormalizeCountriesAndRegions() {
        Territory t = Territory.of(TerritoryId.of("dach"), "DACH").withCountries("de", " at ").withRegions("emea");
        assertThat(t.countries()).containsExactly("AT", "DE");
        assertThat(t.regions()).containsExactly("EMEA");
    }

    @Test
    void aCountryThatIsNotAnIsoCodeIsRefused() {
        assertRefused(() -> Territory.of(TerritoryId.of("x"), "X").withCountries("Germany"), "territory.countries");
        assertRefused(() -> Territory.of(TerritoryId.of("x"), "X").withCountries("XX"), "territory.countries");
        assertRefused(() -> Territory.of(TerritoryId.of("x"), "X").covers("Germany", null), "country");
    }

    @Test
    void aTerritoryCoversALocationWhenEveryDimensionItListsMatches() {
        Territory germany = Territory.of(TerritoryId.of("de"), "DE").withCountries("DE");
        Territory bavaria = Territory.of(TerritoryId.of("by"), "BY").withCountries("DE").withRegions("DE-BY");
        Territory emea = Territory.of(TerritoryId.of("emea"), "EMEA").withRegions("EMEA");
        Territory nothing = Territory.of(TerritoryId.of("none"), "None");

        assertThat(germany.covers("DE", null)).isTrue();
        assertThat(germany.covers("DE", "DE-BY")).isTrue();
        assertThat(germany.covers("AT", null)).isFalse();
        assertThat(bavaria.covers("DE", "de-by")).isTrue();
        assertThat(bavaria.covers("DE", null)).isFalse();
        assertThat(bavaria.covers("DE", "DE-BE")).isFalse();
        assertThat(emea.covers("FR", "EMEA")).isTrue();
        assertThat(emea.covers(null, "emea")).isTrue();
        assertThat(emea.covers("FR", null)).isFalse();
        assertThat(nothing.covers("DE", "EMEA")).isFalse();
    }

    @Test
    void aTerritoryRefusesAnOwnerListedTwice() {
        assertRefused(() -> Territory.of(TerritoryId.of("x"), "X").withOwners(UserId.of("a"), UserId.of("a")),
                "territory.owners");
    }
}
