package dev.rapport.crm.jpa;

import dev.rapport.crm.sales.StageRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stage requirements a store can read back: the built-in ones and those the host registered. */
final class StageRequirements {
    private final Map<String, StageRequirement> byKey = new LinkedHashMap<>();

    StageRequirements(List<StageRequirement> custom) {
        for (StageRequirement builtIn : List.of(StageRequirement.amountRequired(),
                StageRequirement.closeDateRequired(), StageRequirement.primaryContactRequired(),
                StageRequirement.lineItemsRequired())) {
            byKey.put(builtIn.key(), builtIn);
        }
        for (StageRequirement requirement : custom) {
            if (byKey.putIfAbsent(requirement.key(), requirement) != null) {
                throw new IllegalArgumentException("two stage requirements have the key " + requirement.key());
            }
        }
    }

    Optional<StageRequirement> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    StageRequirement require(String key) {
        StageRequirement requirement = byKey.get(key);
        if (requirement == null) {
            throw new IllegalStateException("a stored pipeline needs the stage requirement " + key
                    + ", which is not registered with the JPA store");
        }
        return requirement;
    }
}
