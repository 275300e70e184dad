package dev.rapport.crm.identity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.event.ConsentChanged;
import dev.rapport.crm.governance.Consent;
import dev.rapport.crm.governance.ConsentEntry;
import dev.rapport.crm.governance.ConsentId;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.party.ContactId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves a merged-away contact's consents to the survivor: both histories are kept, in time order,
 * and for each purpose and channel the latest decision of either person is the survivor's
 * current one (the survivor's on a tie), so a withdrawal given under the other record is honoured.
 */
final class ConsentRelinks {
    private ConsentRelinks() {
    }

    static void contact(UnitOfWork uow, ContactId loser, ContactId survivor, Set<EntityId> relinked) {
        Optional<Consent> lost = uow.tx().consents().find(ConsentId.of(loser.value()));
        if (lost.isEmpty()) {
            return;
        }
        Optional<Consent> kept = uow.tx().consents().find(ConsentId.of(survivor.value()));
        List<ConsentEntry> history = new ArrayList<>(kept.map(Consent::history).orElse(List.of()));
        history.addAll(lost.get().history());
        history.sort(Comparator.comparing(ConsentEntry::at));
        Map<String, ConsentEntry> current = new LinkedHashMap<>();
        for (ConsentEntry e : lost.get().entries()) {
            current.put(e.purpose() + "/" + e.channel(), e);
        }
        for (ConsentEntry e : kept.map(Consent::entries).orElse(List.of())) {
            current.merge(e.purpose() + "/" + e.channel(), e, (l, k) -> k.at().isBefore(l.at()) ? l : k);
        }
        Instant created = kept.map(Consent::createdAt).filter(c -> c.isBefore(lost.get().createdAt()))
                .orElse(lost.get().createdAt());
        Consent merged = new Consent(ConsentId.of(survivor.value()), uow.tenant(),
                kept.map(c -> c.version() + 1).orElse(1L), survivor, List.copyOf(current.values()), history,
                created, uow.now().isBefore(created) ? created : uow.now());
        uow.tx().consents().delete(lost.get().id());
        if (kept.isPresent()) {
            uow.tx().consents().update(merged);
        } else {
            uow.tx().consents().insert(merged);
        }
        for (ConsentEntry e : merged.entries()) {
            Optional<ConsentEntry> before = kept.flatMap(c -> c.current(e.purpose(), e.channel()));
            if (before.isEmpty() || before.get().status() != e.status()) {
                uow.emit(new ConsentChanged(uow.meta(), survivor, e.purpose(), e.channel(), e.status()));
            }
        }
        relinked.add(merged.id());
    }
}
