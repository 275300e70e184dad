package dev.rapport.crm.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * The indexed look-up of renewals due finds exactly what a full scan of all subscriptions would,
 * however subscriptions were renewed, paused or ended, and for any range of days.
 */
class RenewalIndexProperties {
    private static final LocalDate BASE = LocalDate.of(2026, 1, 1);

    enum Then { NOTHING, RENEW, PAUSE, CANCEL, EXPIRE }

    record Sub(int renewalInDays, Then then) {
    }

    record Range(int fromInDays, int lengthInDays) {
    }

    static Gen<List<Sub>> subs() {
        return Gen.lists(Gen.zip(Gen.integers(0, 500), Gen.enums(Then.class), Sub::new), 0, 25);
    }

    static Gen<Range> range() {
        return Gen.zip(Gen.integers(0, 700), Gen.integers(0, 400), Range::new);
    }

    @Property(tries = 150)
    void renewalsDueIsWhatAFullScanFinds(@ForAll("subs") List<Sub> subs, @ForAll("range") Range range) {
        Crm crm = Crm.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .idGenerator(IdGenerator.sequential("p")).build();
        Account account = crm.accounts().create(NewAccount.named("Acme"));
        SubscriptionService service = crm.subscriptions();
        for (Sub s : subs) {
            Subscription sub = service.start(NewSubscription.of(account.id(), "Plan", Money.of("10.00", "EUR"))
                    .startingOn(BASE).renewingOn(BASE.plusDays(s.renewalInDays())));
            switch (s.then()) {
                case RENEW -> service.renew(sub.id());
                case PAUSE -> service.pause(sub.id());
                case CANCEL -> service.cancel(sub.id(), "reason");
                case EXPIRE -> service.expire(sub.id());
                case NOTHING -> { }
            }
        }
        LocalDate from = BASE.plusDays(range.fromInDays());
        LocalDate to = from.plusDays(range.lengthInDays());

        List<Subscription> scanned = service.list(PageRequest.first(1000)).items().stream()
                .filter(s -> !s.status().isEnded())
                .filter(s -> !s.renewalDate().isBefore(from) && !s.renewalDate().isAfter(to))
                .sorted(Comparator.comparing(Subscription::renewalDate).thenComparing(s -> s.id().value()))
                .toList();
        assertThat(service.renewalsDue(from, to)).isEqualTo(scanned);
    }
}
