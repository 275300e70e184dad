package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the list of ids an event concerns, skipping absent ones. */
final class Subjects {
    private Subjects() {
    }

    static List<EntityId> of(@Nullable EntityId... ids) {
        List<EntityId> list = new ArrayList<>(ids.length);
        for (EntityId id : ids) {
            if (id != null) {
                list.add(id);
            }
        }
        return Collections.unmodifiableList(list);
    }
}
