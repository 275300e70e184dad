package dev.rapport.crm.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

class GovernanceProperties {

    /** A person's identifying values; every value starts with the person's own prefix. */
    record Person(String first, String last, String email, String phone, List<String> titles, boolean consent,
            boolean lead) {
        List<String> values() {
            List<String> all = new java.util.ArrayList<>(List.of(first, last, email,
                    dev.rapport.crm.party.PhoneNumber.of(phone).value()));
            all.addAll(titles);
            return all;
        }
    }

    static Gen<String> word() {
        return Gen.strings(Gen.chars('a', 'z'), 6, 10);
    }

    static Gen<List<Person>> people() {
        return Gen.zip(personOf("Ann", '1'), personOf("Bob", '2'), List::of);
    }

    static Gen<Person> personOf(String prefix, char area) {
        Gen<String> name = word().map(w -> prefix + w);
        Gen<String> email = Gen.zip(word(), word(), (a, b) -> prefix.toLowerCase(Locale.ROOT) + a + "@" + b + ".example");
        Gen<String> phone = Gen.strings(Gen.chars('0', '9'), 6, 6).map(d -> "+49 3" + area + " " + d);
        Gen<List<String>> names = Gen.zip(name, name, List::of);
        Gen<List<String>> reach = Gen.zip(email, phone, List::of);
        Gen<List<Boolean>> flags = Gen.zip(Gen.booleans(), Gen.booleans(), List::of);
        return Gen.zip(Gen.zip(names, reach, (n, r) -> List.of(n.get(0), n.get(1), r.get(0), r.get(1))),
                Gen.zip(Gen.lists(name, 0, 4), flags, (t, f) -> Map.entry(t, f)),
                (v, tf) -> new Person(v.get(0), v.get(1), v.get(2), v.get(3), tf.getKey(), tf.getValue().get(0),
                        tf.getValue().get(1)));
    }

    private static Contact enter(GovernanceFixture f, Person p) {
        Contact c = f.crm.contacts().create(NewContact.named(p.first(), p.last()).email(p.email()).phone(p.phone()));
        for (String title : p.titles()) {
            c = f.crm.contacts().update(c.withTitle(title));
        }
        if (p.consent()) {
            f.crm.privacy().consents().grant(c.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");
        }
        if (p.lead()) {
            f.crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).name(p.first(), p.last()).email(p.email()));
        }
        return c;
    }

    private static boolean held(List<String> strings, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return strings.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(v));
    }

    @Property(tries = 60)
    void erasureRemovesEveryValueOfThePersonAndNoneOfAnyoneElse(@ForAll("people") List<Person> people) {
        GovernanceFixture f = new GovernanceFixture();
        Person ann = people.get(0);
        Person bob = people.get(1);
        Contact erased = enter(f, ann);
        enter(f, bob);

        f.crm.privacy().erase(erased.id(), "request");

        List<String> strings = StoreScanner.strings(f.store, f.audit);
        for (String value : ann.values()) {
            assertThat(held(strings, value)).as("erased value still held").isFalse();
        }
        for (String value : bob.values()) {
            assertThat(held(strings, value)).as("someone else's value lost").isTrue();
        }
    }

    /** One edit of a contact: a field and a new value. */
    record Edit(String field, String value) {
    }

    static Gen<List<Edit>> edits() {
        return Gen.lists(Gen.zip(Gen.elements(List.of("title", "firstName", "lastName", "tag")), word(), Edit::new),
                0, 15);
    }

    @Property(tries = 100)
    void theLastAuditedValueOfEveryFieldIsTheStoredValue(@ForAll("edits") List<Edit> edits) {
        GovernanceFixture f = new GovernanceFixture();
        Contact c = f.crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        for (Edit e : edits) {
            Contact next = switch (e.field()) {
                case "title" -> c.withTitle(e.value());
                case "firstName" -> c.withName(e.value(), c.lastName());
                case "lastName" -> c.withName(c.firstName(), e.value());
                default -> c.withTags(new LinkedHashSet<>(List.of(e.value())));
            };
            c = f.crm.contacts().update(next);
        }

        Map<String, String> replayed = new HashMap<>();
        for (AuditEntry entry : f.crm.privacy().auditTrail("Contact", c.id().value())) {
            for (FieldChange change : entry.changes()) {
                replayed.put(change.field(), change.newValue());
            }
        }
        Map<String, Object> stored = Values.fields(c);
        for (Map.Entry<String, Object> field : stored.entrySet()) {
            if (Values.present(field.getValue()) || replayed.containsKey(field.getKey())) {
                assertThat(replayed.get(field.getKey())).as(field.getKey())
                        .isEqualTo(Values.render(field.getValue()));
            }
        }
    }

    /** One consent decision. */
    record Decision(ConsentPurpose purpose, ConsentChannel channel, ConsentStatus status) {
    }

    static Gen<List<Decision>> decisions() {
        Gen<ConsentPurpose> purposes = Gen.elements(List.of(ConsentPurpose.MARKETING, ConsentPurpose.SALES));
        Gen<ConsentChannel> channels = Gen.elements(List.of(ConsentChannel.EMAIL, ConsentChannel.SMS));
        Gen<Map.Entry<ConsentPurpose, ConsentChannel>> pc = Gen.zip(purposes, channels, Map::entry);
        return Gen.lists(Gen.zip(pc, Gen.enums(ConsentStatus.class),
                (k, s) -> new Decision(k.getKey(), k.getValue(), s)), 0, 20);
    }

    @Property(tries = 100)
    void theConsentCheckAlwaysFollowsTheLastAcceptedDecision(@ForAll("decisions") List<Decision> decisions) {
        GovernanceFixture f = new GovernanceFixture();
        Contact c = f.crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Map<String, ConsentStatus> model = new HashMap<>();
        int recorded = 0;
        for (Decision d : decisions) {
            String key = d.purpose() + "/" + d.channel();
            try {
                f.crm.privacy().consents().record(c.id(), d.purpose(), d.channel(), d.status(), "test");
                assertThat(d.status() != ConsentStatus.WITHDRAWN || model.get(key) == ConsentStatus.GRANTED).isTrue();
                model.put(key, d.status());
                recorded++;
            } catch (CrmValidationException refused) {
                assertThat(d.status()).isEqualTo(ConsentStatus.WITHDRAWN);
                assertThat(model.get(key)).isNotEqualTo(ConsentStatus.GRANTED);
            }
        }
        for (ConsentPurpose p : List.of(ConsentPurpose.MARKETING, ConsentPurpose.SALES)) {
            for (ConsentChannel ch : List.of(ConsentChannel.EMAIL, ConsentChannel.SMS)) {
                ConsentDecision answer = f.crm.privacy().consents().check(c.id(), p, ch);
                ConsentStatus expected = model.get(p + "/" + ch);
                if (expected == null) {
                    assertThat(answer).isInstanceOf(ConsentDecision.NotAsked.class);
                } else {
                    assertThat(answer.allowed()).isEqualTo(expected == ConsentStatus.GRANTED);
                }
            }
        }
        int history = f.crm.privacy().consents().find(c.id()).map(x -> x.history().size()).orElse(0);
        assertThat(history).isEqualTo(recorded);
    }
}
