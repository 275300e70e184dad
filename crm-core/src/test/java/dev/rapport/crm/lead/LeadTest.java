package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.PhoneNumber;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LeadTest {
    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private static Lead lead(@Nullable String first, @Nullable String last, @Nullable EmailAddress email,
            @Nullable PhoneNumber phone, @Nullable String company) {
        return new Lead(LeadId.of("l-1"), TenantId.DEFAULT, 1, LeadSource.WEB_FORM, LeadStatus.NEW, first, last, email,
                phone, company, null, null, null, 0, null, null, null, null, Set.of(), CustomFields.empty(), T, T);
    }

    private static Lead grace() {
        return lead("Grace", "Hopper", EmailAddress.of("grace@fleet.example"), null, "Fleet Ltd");
    }

    private static void refused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aLeadWithOnlyAnEmailIsValid() {
        assertThat(lead(null, null, EmailAddress.of("grace@fleet.example"), null, null).email())
                .isEqualTo(EmailAddress.of("grace@fleet.example"));
    }

    @Test
    void aLeadWithOnlyAPhoneIsValid() {
        assertThat(lead(null, null, null, PhoneNumber.of("+44 20 7946 0000"), null).phone().value())
                .isEqualTo("+442079460000");
    }

    @Test
    void aLeadWithANameAndACompanyIsValid() {
        assertThat(lead(null, "Hopper", null, null, "Fleet Ltd").company()).isEqualTo("Fleet Ltd");
    }

    @Test
    void aLeadWithoutEmailPhoneOrNameAndCompanyIsRefusedNamingEmail() {
        refused(() -> lead("Grace", "Hopper", null, null, null), "email");
        refused(() -> lead(null, null, null, null, "Fleet Ltd"), "email");
        refused(() -> lead(" ", " ", null, null, "Fleet Ltd"), "email");
    }

    @Test
    void theCompanyDomainIsNormalizedLikeAnAccountDomain() {
        assertThat(grace().withCompanyDomain("https://www.Fleet.example/about").companyDomain())
                .isEqualTo("fleet.example");
    }

    @Test
    void aMalformedCompanyDomainIsRefusedNamingCompanyDomain() {
        refused(() -> grace().withCompanyDomain("not a domain"), "companyDomain");
    }

    @Test
    void theCountryIsAnUpperCaseIsoCode() {
        assertThat(grace().withCountry("de").country()).isEqualTo("DE");
        refused(() -> grace().withCountry("XX"), "country");
        refused(() -> grace().withCountry("DEU"), "country");
    }

    @Test
    void aNegativeScoreIsRefused() {
        refused(() -> grace().withScore(-1), "score");
    }

    @Test
    void textFieldsAreTrimmedAndBlankBecomesAbsent() {
        Lead lead = grace().withTitle("  ").withCompany("  Fleet Ltd ");
        assertThat(lead.title()).isNull();
        assertThat(lead.company()).isEqualTo("Fleet Ltd");
    }

    @Test
    void tagsAreTrimmedAndSorted() {
        assertThat(grace().withTags(Set.of(" b", "a ")).tags()).containsExactly("a", "b");
        refused(() -> grace().withTags(Set.of(" ")), "tags");
    }

    @Test
    void aQualifiedLeadNeedsAQualification() {
        refused(() -> grace().withStatus(LeadStatus.QUALIFIED, null, null, null), "qualification");
    }

    @Test
    void exactlyADisqualifiedLeadHasAReason() {
        refused(() -> grace().withStatus(LeadStatus.DISQUALIFIED, null, null, null), "disqualificationReason");
        refused(() -> grace().withStatus(LeadStatus.WORKING, null, "spam", null), "disqualificationReason");
    }

    @Test
    void exactlyAConvertedLeadHasAConversionLink() {
        ConversionLink link = new ConversionLink(ContactId.of("c-1"), null, null, T);
        refused(() -> grace().withStatus(LeadStatus.CONVERTED, null, null, null), "conversion");
        refused(() -> grace().withStatus(LeadStatus.NEW, null, null, link), "conversion");
        assertThat(grace().withStatus(LeadStatus.CONVERTED, null, null, link).isConverted()).isTrue();
    }

    @Test
    void updatedAtMayNotBeBeforeCreatedAt() {
        refused(() -> grace().withUpdatedAt(T.minusSeconds(1)), "updatedAt");
    }

    @Test
    void toStringCarriesNoPersonalData() {
        Lead lead = grace().withPhone(PhoneNumber.of("+44 20 7946 0000")).withTitle("Rear Admiral");
        assertThat(lead.toString())
                .contains("l-1")
                .doesNotContain("Grace", "Hopper", "grace", "fleet", "Fleet", "7946", "Admiral");
    }

    @Test
    void aQualificationConfirmsACriterionOrCarriesANote() {
        assertThat(Qualification.bant(true, false, true, false).criteriaMet()).isEqualTo(2);
        assertThat(Qualification.note(" Asked for a demo ").note()).isEqualTo("Asked for a demo");
        refused(() -> Qualification.bant(false, false, false, false), "qualification");
        refused(() -> Qualification.note("  "), "qualification");
        refused(() -> Qualification.note("x".repeat(2001)), "qualification.note");
    }

    @Test
    void aQualificationsToStringHidesItsNote() {
        assertThat(Qualification.note("Call Grace on Tuesday").toString()).doesNotContain("Grace");
    }

    @Test
    void newLeadChecksValuesAsTheyAreGiven() {
        refused(() -> NewLead.from(LeadSource.EVENT).email("not an address"), "email");
        refused(() -> NewLead.from(LeadSource.EVENT).phone("call me"), "phone");
        refused(() -> NewLead.from(LeadSource.EVENT).domain("https://"), "companyDomain");
        refused(() -> NewLead.from(LeadSource.EVENT).country("Germany"), "country");
        refused(() -> NewLead.from(LeadSource.EVENT).score(-5), "score");
        refused(() -> NewLead.from(null), "source");
    }

    @Test
    void newLeadIsImmutable() {
        NewLead base = NewLead.from(LeadSource.WEB_FORM);
        NewLead withEmail = base.email("Grace@Fleet.example");

        assertThat(base.email()).isNull();
        assertThat(withEmail.email()).isEqualTo(EmailAddress.of("grace@fleet.example"));
        assertThat(withEmail.domain("www.fleet.example").companyDomain()).isEqualTo("fleet.example");
        assertThat(withEmail.companyDomain()).isNull();
    }

    @Test
    void newLeadsToStringCarriesNoPersonalData() {
        assertThat(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example").name("Grace", "Hopper").toString())
                .doesNotContain("grace", "Grace", "Hopper");
    }
}
