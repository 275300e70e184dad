package dev.rapport.crm.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {

    @Test
    void emailIsTrimmedAndLowerCasedSoSpellingsOfOneAddressAreEqual() {
        assertThat(EmailAddress.of("  Ada@ACME.Example ")).isEqualTo(EmailAddress.of("ada@acme.example"));
        assertThat(EmailAddress.of("ada@acme.example").domain()).isEqualTo("acme.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ada", "ada@", "@acme.example", "ada@acme", "ada@@acme.example",
            "ada@acme..example", ".ada@acme.example", "a da@acme.example", "ada@-acme.example"})
    void malformedEmailsAreRefusedNamingTheField(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void emailErrorsAndToStringNeverShowTheAddress() {
        assertThat(EmailAddress.of("ada.lovelace@acme.example").toString()).doesNotContain("lovelace");
        assertThatThrownBy(() -> EmailAddress.of("secret person@acme.example"))
                .hasMessageNotContaining("secret");
    }

    @ParameterizedTest
    @CsvSource({
        "'+49 (30) 123-456', +4930123456",
        "'0049 30 123456', +4930123456",
        "'+1 415.555.0100', +14155550100",
        "'030 123456', 030123456"})
    void phoneNumbersAreNormalizedToE164WhereTheCountryIsKnown(String raw, String expected) {
        assertThat(PhoneNumber.of(raw).value()).isEqualTo(expected);
    }

    @Test
    void nationalNumbersTakeTheDefaultCallingCode() {
        PhoneNumber phone = PhoneNumber.of("030 123456", "49");
        assertThat(phone.value()).isEqualTo("+4930123456");
        assertThat(phone.isE164()).isTrue();
        assertThat(PhoneNumber.of("030 123456").isE164()).isFalse();
    }

    @Test
    void extensionsAreKeptApart() {
        PhoneNumber phone = PhoneNumber.of("+49 30 123456 ext. 12");
        assertThat(phone.value()).isEqualTo("+4930123456");
        assertThat(phone.extension()).isEqualTo("12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12", "+0 123 456 789", "+49 30 12a456", "1234567890123456"})
    void malformedPhoneNumbersAreRefusedNamingTheField(String raw) {
        assertThatThrownBy(() -> PhoneNumber.of(raw))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }

    @Test
    void phoneToStringMasksTheDigits() {
        assertThat(PhoneNumber.of("+49 30 123456").toString()).isEqualTo("+********56");
    }

    @Test
    void postalAddressNeedsAnIsoCountry() {
        assertThat(PostalAddress.country("de").country()).isEqualTo("DE");
        assertThatThrownBy(() -> PostalAddress.country("Germany"))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("address.country"));
    }

    @ParameterizedTest
    @CsvSource({
        "https://www.Acme.example/about, acme.example",
        "acme.example., acme.example",
        "http://shop.acme.example:8080, shop.acme.example",
        "WWW.ACME.EXAMPLE, acme.example",
        "bücher.example, xn--bcher-kva.example"})
    void domainsAreNormalizedForMatching(String raw, String expected) {
        assertThat(Account.normalizeDomain(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "acme..example", "not a domain", "-"})
    void nonDomainsAreRefused(String raw) {
        assertThatThrownBy(() -> Account.normalizeDomain(raw))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("domain"));
    }

    @Test
    void contactRolesAllowOnePrimaryAndOneRolePerContact() {
        ContactId ada = ContactId.of("ada");
        ContactId bob = ContactId.of("bob");
        ContactRoles roles = ContactRoles.none()
                .with(ContactRole.primary(ada, ContactRoleType.CHAMPION))
                .with(ContactRole.primary(bob, ContactRoleType.DECISION_MAKER));
        assertThat(roles.primary()).map(ContactRole::contactId).contains(bob);
        assertThat(roles.roles()).filteredOn(ContactRole::primary).hasSize(1);
        assertThatThrownBy(() -> new ContactRoles(java.util.List.of(
                ContactRole.of(ada, ContactRoleType.END_USER), ContactRole.of(ada, ContactRoleType.OTHER))))
                .isInstanceOf(CrmValidationException.class);
    }
}
