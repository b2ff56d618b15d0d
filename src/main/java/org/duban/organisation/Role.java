package org.duban.organisation;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do in Duban; each role but {@link #DEPARTMENT} is one identity group. */
public enum Role {
    LEADER("leader", Groups.LEADERS),
    SUPERVISOR("supervisor", Groups.SUPERVISORS),
    /** Member of its own department: the group is {@code dept-<code>}. */
    DEPARTMENT("department", null),
    AUDITOR("auditor", Groups.AUDITORS),
    ADMIN("admin", Groups.ADMINS);

    private final String key;
    private final String group;

    Role(String key, String group) {
        this.key = key;
        this.group = group;
    }

    public String key() {
        return key;
    }

    public String groupFor(String departmentCode) {
        return this == DEPARTMENT ? Groups.department(departmentCode) : group;
    }

    public static Optional<Role> ofKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }
}
