package org.duban.directive;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a unit's part is within its directive: the lead unit answers for the result (主办), a co-unit
 * contributes (协办), a sub-unit handles what a unit above it passed down (下级承办). The score's weight of each
 * role is in {@code department-score.dmn}; the key is what the decision table reads.
 */
public enum PartRole {
    LEAD("lead"), CO("co"), SUB("sub");

    private final String key;

    PartRole(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<PartRole> ofKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
