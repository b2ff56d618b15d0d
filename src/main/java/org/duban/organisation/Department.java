package org.duban.organisation;

/**
 * A responsible body (承办单位) at its {@link Level} of the tree; {@code parentCode} is the unit above it (none for a
 * city bureau or a district).
 */
public record Department(String code, String name, String parentCode, Level level, String mailbox, String head) {

    public String groupId() {
        return Groups.department(code);
    }
}
