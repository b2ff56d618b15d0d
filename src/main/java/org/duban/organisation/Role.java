package org.duban.organisation;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do in Duban; each role but {@link #DEPARTMENT} is one identity group. */
public enum Role {
    LEADER("leader", Groups.LEADERS, "领导"),
    SUPERVISOR("supervisor", Groups.SUPERVISORS, "督查室"),
    /** Member of its own department: the group is {@code dept-<code>}. */
    DEPARTMENT("department", null, "承办单位"),
    AUDITOR("auditor", Groups.AUDITORS, "审计/纪检"),
    ADMIN("admin", Groups.ADMINS, "管理员");

    private final String key;
    private final String group;
    private final String label;

    Role(String key, String group, String label) {
        this.key = key;
        this.group = group;
        this.label = label;
    }

    public String key() {
        return key;
    }

    /** The role's name as people read it. */
    public String label() {
        return label;
    }

    public String groupFor(String departmentCode) {
        return this == DEPARTMENT ? Groups.department(departmentCode) : group;
    }

    public static Optional<Role> ofKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }
}
