package org.duban.organisation;

import java.util.LinkedHashSet;
import java.util.Set;

/** A person declared in the organisation file. */
public record Member(String id, String name, String email, String departmentCode, Set<Role> roles) {

    public Member {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The identity groups this person belongs to, derived from roles and department. */
    public Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                groups.add(role.groupFor(departmentCode));
            }
        }
        if (roles.contains(Role.ADMIN)) {
            groups.add(Groups.CAMUNDA_ADMIN);
        }
        return groups;
    }
}
