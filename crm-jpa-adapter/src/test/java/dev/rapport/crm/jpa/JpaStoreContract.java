package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.CrmStoreContract;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a database: the erasure tests search every column of every table of the
 * adapter (child tables, the outbox and any table a later script adds) for the erased values.
 */
abstract class JpaStoreContract extends CrmStoreContract {
    /**
     * The database the store under test runs on.
     *
     * @return the database
     */
    abstract TestDatabase database();

    @Override
    protected List<String> placesHolding(TenantId tenant, List<String> values) {
        return database().placesHolding(tenant.value(), values);
    }

    /**
     * Inserts are not looked up one by one: the primary key refuses a taken id when the unit of
     * work is written, which must still be the typed conflict naming the id, with nothing written.
     */
    @Test
    public void aTakenIdAmongManyInsertsIsTheConflictOfThatIdAndNoneIsWritten() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact cto = crm.contacts().update(ada.withTitle("CTO"));
        long before = read((StoreTransaction tx) -> tx.contacts().count());

        Throwable thrown = catchThrowable(() -> write((StoreTransaction tx) -> {
            for (int i = 0; i < 250; i++) {
                tx.contacts().insert(bareContact(tenant, ContactId.of("import-" + i), 1));
                if (i == 170) {
                    tx.contacts().insert(ada.withTitle("CEO"));
                }
            }
            return null;
        }));

        assertThat(thrown).isInstanceOfSatisfying(CrmConflictException.class, c -> {
            assertThat(c.entityId()).isEqualTo(ada.id().value());
            assertThat(c.expectedVersion()).isZero();
            assertThat(c.actualVersion()).isEqualTo(2);
        });
        assertThat(read((StoreTransaction tx) -> tx.contacts().count())).isEqualTo(before);
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ContactId.of("import-0")))).isEmpty();
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(cto);
    }

    @Test
    public void anIdInsertedTwiceInOneUnitOfWorkOrReadBeforeItsInsertIsAConflict() {
        ContactId twice = ContactId.of("twice");
        assertThat(catchThrowable(() -> write((StoreTransaction tx) -> {
            tx.contacts().insert(bareContact(tenant, twice, 1));
            tx.contacts().insert(bareContact(tenant, twice, 1));
            return null;
        }))).isInstanceOf(CrmConflictException.class);
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(twice))).isEmpty();

        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        assertThat(catchThrowable(() -> write((StoreTransaction tx) -> {
            tx.contacts().find(ada.id()).orElseThrow();
            tx.contacts().insert(ada.withTitle("CEO"));
            return null;
        }))).isInstanceOfSatisfying(CrmConflictException.class,
                c -> assertThat(c.entityId()).isEqualTo(ada.id().value()));
        assertThat(read((StoreTransaction tx) -> tx.contacts().find(ada.id()))).contains(ada);
    }
}
