package org.duban.organisation;

import java.util.List;

/** The identity groups Duban keeps in Camunda; BPMN candidate groups and authorizations use these ids. */
public final class Groups {

    public static final String LEADERS = "leaders";
    public static final String SUPERVISORS = "supervisors";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "admins";
    /**
     * Camunda's built-in administrator group. The webapps offer anyone an "initial setup" of an
     * administrator until this group has a member, so every admin is in it too.
     */
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** Prefix of the Spring Security authority that stands for membership of a group. */
    public static final String AUTHORITY_PREFIX = "GROUP_";
    public static final String DEPARTMENT_PREFIX = "dept-";

    public static final List<String> ROLE_GROUPS = List.of(LEADERS, SUPERVISORS, AUDITORS, ADMINS, CAMUNDA_ADMIN);

    private Groups() {
    }

    public static String department(String code) {
        return DEPARTMENT_PREFIX + code;
    }

    public static String authority(String groupId) {
        return AUTHORITY_PREFIX + groupId;
    }

    public static boolean isDepartmentGroup(String groupId) {
        return groupId.startsWith(DEPARTMENT_PREFIX);
    }

    public static String departmentCode(String groupId) {
        return groupId.substring(DEPARTMENT_PREFIX.length());
    }
}
