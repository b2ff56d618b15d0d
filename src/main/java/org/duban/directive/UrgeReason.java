package org.duban.directive;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an urge (催办) went out. The automatic ones come from the model: each urging task names its reason as
 * an input parameter {@code urgeReason}; {@link #MANUAL} is an urge a person pressed.
 */
public enum UrgeReason {
    SIGN("sign", "超时未签收"),
    OVERDUE("overdue", "逾期催办"),
    PROGRESS("progress", "未按期反馈进度"),
    MANUAL("manual", "督查催办");

    private final String key;
    private final String label;

    UrgeReason(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Urges that are reminders: at most one a day reaches each recipient; a pressed urge always does. */
    public boolean isAutomatic() {
        return this != MANUAL;
    }

    public static Optional<UrgeReason> ofKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
