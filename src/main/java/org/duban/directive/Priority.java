package org.duban.directive;

import java.util.Arrays;
import java.util.Optional;

/** 紧急程度. The task priority follows it, so Tasklist sorts an urgent directive's tasks above routine ones. */
public enum Priority {
    NORMAL("normal", "一般", 50), URGENT("urgent", "紧急", 75), CRITICAL("critical", "特急", 100);

    private final String key;
    private final String label;
    private final int taskPriority;

    Priority(String key, String label, int taskPriority) {
        this.key = key;
        this.label = label;
        this.taskPriority = taskPriority;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Camunda's task priority (default 50) for the tasks of a directive of this priority. */
    public int taskPriority() {
        return taskPriority;
    }

    public static Optional<Priority> ofKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
