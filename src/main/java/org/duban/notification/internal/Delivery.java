package org.duban.notification.internal;

import java.util.Arrays;
import java.util.Optional;

/** How a person wants routine notifications: each one as it happens, or one mail a day. */
enum Delivery {

    IMMEDIATE("immediate", "即时发送"),
    DIGEST("digest", "每日汇总");

    private final String key;
    private final String label;

    Delivery(String key, String label) {
        this.key = key;
        this.label = label;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    static Optional<Delivery> ofKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }
}
