package org.duban.organisation;

/**
 * A responsible body (承办单位) at its {@link Level} of the tree; {@code parentCode} is the unit above it (none for a
 * city bureau or a district). {@code duties} are its 职责 as the city's 三定 lists them (empty when not declared); they
 * suggest which unit leads a new directive.
 */
public record Department(String code, String name, String parentCode, Level level, String mailbox, String head,
        java.util.List<String> duties) {

    public Department {
        duties = duties == null ? java.util.List.of() : java.util.List.copyOf(duties);
    }

    public String groupId() {
        return Groups.department(code);
    }
}
