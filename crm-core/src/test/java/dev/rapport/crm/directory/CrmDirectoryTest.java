package dev.rapport.crm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.spi.IdGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrmDirectoryTest {
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final TeamId TEAM = TeamId.of("sales");

    private final InMemoryDirectory directory = new InMemoryDirectory()
            .addUser(User.of(ALICE)).addUser(User.of(BOB)).addUser(new User(UserId.of("gone"), false))
            .addTeam(Team.of(TEAM, "Sales").withMembers(List.of(ALICE, BOB)));
    private final Crm crm = Crm.builder().directory(directory).idGenerator(IdGenerator.sequential("t")).build();

    @Test
    void theCrmHandsOutTheDirectoryItWasBuiltWith() {
        assertThat(crm.directory()).isSameAs(directory);
        assertThat(crm.forTenant(TenantId.of("a")).directory()).isSameAs(directory);
        assertThat(crm.assignment().directory()).isSameAs(directory);
    }

    @Test
    void anEmptyInMemoryDirectoryIsTheDefault() {
        Crm plain = Crm.builder().build();
        assertThat(plain.directory()).isInstanceOf(InMemoryDirectory.class);
        assertThat(plain.directory().findUser(ALICE)).isEmpty();
    }

    @Test
    void theRoundRobinCursorIsSharedByEveryTenantViewOfOneCrm() {
        assertThat(crm.assignment().roundRobin(TEAM)).contains(ALICE);
        assertThat(crm.forTenant(TenantId.of("a")).assignment().roundRobin(TEAM)).contains(BOB);
        assertThat(crm.forTenant(TenantId.of("b")).assignment()).isSameAs(crm.assignment());
    }

    @Test
    void ownersMustStillBeActiveUsersOfTheDirectory() {
        assertThat(crm.accounts().create(NewAccount.named("Acme").owner(ALICE)).ownerId()).isEqualTo(ALICE);
        assertThatThrownBy(() -> crm.accounts().create(NewAccount.named("Acme").owner(UserId.of("gone"))))
                .isInstanceOf(CrmValidationException.class).hasMessage("ownerId: is not an active user");
        assertThatThrownBy(() -> crm.accounts().create(NewAccount.named("Acme").owner(UserId.of("nobody"))))
                .isInstanceOf(CrmValidationException.class).hasMessage("ownerId: is not a user of the directory");
        assertThat(crm.accounts().count()).isEqualTo(1);
    }
}
