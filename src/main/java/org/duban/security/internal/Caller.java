package org.duban.security.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.duban.organisation.Groups;
import org.duban.system.CurrentUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Who calls an engine API: the login Spring Security authenticated, its groups and the roles they give. */
record Caller(String id, Set<String> groups, Set<Who> roles) {

    /** The roles the engine API allow-list knows; a person may have several (a leader is in a department too). */
    enum Who {
        LEADER, SUPERVISOR, DEPARTMENT, AUDITOR
    }

    static Caller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        CurrentUser user = CurrentUser.of(authentication);
        Set<Who> roles = EnumSet.noneOf(Who.class);
        if (user.groups().contains(Groups.LEADERS)) {
            roles.add(Who.LEADER);
        }
        if (user.groups().contains(Groups.SUPERVISORS)) {
            roles.add(Who.SUPERVISOR);
        }
        if (user.groups().contains(Groups.AUDITORS)) {
            roles.add(Who.AUDITOR);
        }
        if (user.groups().stream().anyMatch(Groups::isDepartmentGroup)) {
            roles.add(Who.DEPARTMENT);
        }
        return new Caller(user.id(), user.groups(), Set.copyOf(roles));
    }

    /** Members of {@code admins} (and Camunda's own administrator group) may use every endpoint. */
    boolean isAdmin() {
        return groups.contains(Groups.ADMINS) || groups.contains(Groups.CAMUNDA_ADMIN);
    }

    boolean is(Who role) {
        return roles.contains(role);
    }

    /** An auditor reads only, also when the same person is in a department or the office. */
    boolean readsOnly() {
        return is(Who.AUDITOR);
    }

    List<String> departmentGroups() {
        return groups.stream().filter(Groups::isDepartmentGroup).sorted().toList();
    }
}
