package dev.rapport.crm.testkit;

import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.property.Gen;
import java.util.List;
import java.util.Set;

/**
 * Generators of valid CRM commands, for property tests of a host's own rules and integrations.
 * Names and e-mail addresses are made up from small alphabets, so they shrink to short, readable
 * values; e-mail domains use the reserved {@code .example} top-level domain.
 *
 * <pre>{@code
 * PropertyCheck.forAll(CrmGen.newContacts()).check(command -> {
 *     Contact c = crm.contacts().create(command);
 *     assertThat(c.version()).isEqualTo(1);
 * });
 * }</pre>
 */
public final class CrmGen {
    private static final Gen<String> NAMES = Gen.strings(Gen.chars('a', 'z'), 1, 12)
            .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1));
    private static final Gen<String> TAGS = Gen.elements(List.of("vip", "newsletter", "web-form", "partner",
            "churn-risk", "no-offers"));

    private CrmGen() {
    }

    /**
     * Person names: a capital letter and up to 11 lower-case letters.
     *
     * @return the generator
     */
    public static Gen<String> names() {
        return NAMES;
    }

    /**
     * Tags from a small fixed vocabulary, so rules on tags match often.
     *
     * @return the generator
     */
    public static Gen<Set<String>> tags() {
        return Gen.sets(TAGS, 0, 3);
    }

    /**
     * Lifecycle stages.
     *
     * @return the generator
     */
    public static Gen<LifecycleStage> lifecycleStages() {
        return Gen.enums(LifecycleStage.class);
    }

    /**
     * Commands creating a contact with a name, a lifecycle stage and tags (no e-mail address, so
     * any number of them can be created without clashing).
     *
     * @return the generator
     */
    public static Gen<NewContact> newContacts() {
        Gen<Profile> profiles = Gen.zip(lifecycleStages(), tags(), Profile::new);
        return Gen.zip(Gen.zip(NAMES, NAMES, List::of), profiles, (names, profile) -> {
            NewContact c = NewContact.named(names.get(0), names.get(1)).lifecycleStage(profile.stage());
            for (String tag : profile.tags()) {
                c = c.tag(tag);
            }
            return c;
        });
    }

    private record Profile(LifecycleStage stage, Set<String> tags) {
    }

    /**
     * Commands creating an account with a company name and tags.
     *
     * @return the generator
     */
    public static Gen<NewAccount> newAccounts() {
        return Gen.zip(NAMES, tags(), (name, tags) -> {
            NewAccount a = NewAccount.named(name + " Ltd");
            for (String tag : tags) {
                a = a.tag(tag);
            }
            return a;
        });
    }

    /**
     * Commands capturing a lead from any source, with a name and a company.
     *
     * @return the generator
     */
    public static Gen<NewLead> newLeads() {
        return Gen.zip(Gen.enums(LeadSource.class), Gen.zip(NAMES, NAMES, List::of),
                (source, names) -> NewLead.from(source).name(names.get(0), null).company(names.get(1) + " Ltd"));
    }
}
