package dev.rapport.crm.marketing;

import static dev.rapport.crm.activity.TestCrm.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.activity.TestCrm;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.revenue.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Touches recorded in any order: the attribution is the earliest and the latest of all touches,
 * with ties going to the smaller campaign id, and each campaign's first-touched list agrees.
 */
class AttributionProperties {
    private static Instant hoursAgo(long hours) {
        return T0.minus(Duration.ofHours(hours));
    }

    @Test
    void attributionEqualsTheEarliestAndLatestOfAllTouchesWithTiesToTheSmallerCampaignId() {
        record Planned(int campaign, int hoursAgo) {
        }
        Gen<Planned> touches = Gen.zip(Gen.integers(0, 3), Gen.integers(0, 6), Planned::new);
        PropertyCheck.forAll(Gen.lists(touches, 0, 12), Gen.longs()).tries(150).id("first-last-touch")
                .check((planned, shuffleSeed) -> {
                    TestCrm fresh = new TestCrm();
                    Contact member = fresh.contact();
                    List<Campaign> campaigns = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        campaigns.add(fresh.crm.campaigns().create(NewCampaign.named("c" + i, CampaignChannel.EMAIL)
                                .budget(Money.of("0", "EUR"))));
                    }
                    List<Touch> expected = new ArrayList<>();
                    for (Planned p : planned) {
                        expected.add(new Touch(campaigns.get(p.campaign()).id(), hoursAgo(p.hoursAgo())));
                    }
                    List<Touch> order = new ArrayList<>(expected);
                    Collections.shuffle(order, new Random(shuffleSeed));
                    for (Touch touch : order) {
                        fresh.crm.campaigns().touch(touch.campaignId(), member.id(), touch.at());
                    }

                    Attribution a = fresh.crm.campaigns().attribution(member.id());

                    Comparator<Touch> byTimeThenId = Comparator.comparing(Touch::at)
                            .thenComparing(x -> x.campaignId().value());
                    Touch first = expected.stream().min(byTimeThenId).orElse(null);
                    Touch last = expected.stream().max(Comparator.comparing(Touch::at)
                            .thenComparing(x -> x.campaignId().value(), Comparator.reverseOrder())).orElse(null);
                    assertThat(a.first()).isEqualTo(first);
                    assertThat(a.last()).isEqualTo(last);
                    for (Campaign c : campaigns) {
                        List<EntityId> firstTouched = fresh.crm.campaigns().firstTouchedBy(c.id());
                        assertThat(firstTouched.contains(member.id()))
                                .isEqualTo(first != null && first.campaignId().equals(c.id()));
                    }
                });
    }
}
