package org.duban.organisation;

/** A responsible body (承办单位); {@code parentCode} is set for a sub-unit. */
public record Department(String code, String name, String parentCode, String mailbox, String head) {

    public String groupId() {
        return Groups.department(code);
    }
}
