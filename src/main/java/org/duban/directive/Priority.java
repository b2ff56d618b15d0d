package org.duban.directive;

import java.util.Arrays;
import java.util.Optional;

public enum Priority {
    NORMAL("normal"), URGENT("urgent"), CRITICAL("critical");

    private final String key;

    Priority(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Priority> ofKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
