package org.duban.system;

import java.util.Set;
import java.util.stream.Collectors;

import org.duban.organisation.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The person behind a request: login and identity groups. */
public record CurrentUser(String id, Set<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        return new CurrentUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Groups.AUTHORITY_PREFIX))
                .map(a -> a.substring(Groups.AUTHORITY_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isLeader() {
        return groups.contains(Groups.LEADERS);
    }

    public boolean isSupervisor() {
        return groups.contains(Groups.SUPERVISORS);
    }

    /** Leaders, the office and auditors see every directive; others only their departments'. */
    public boolean seesEverything() {
        return isLeader() || isSupervisor() || groups.contains(Groups.AUDITORS);
    }

    public Set<String> departments() {
        return groups.stream().filter(Groups::isDepartmentGroup).map(Groups::departmentCode)
                .collect(Collectors.toUnmodifiableSet());
    }
}
