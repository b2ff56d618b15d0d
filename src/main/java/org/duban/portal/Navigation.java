package org.duban.portal;

import java.util.List;
import java.util.Map;

import org.duban.organisation.Groups;
import org.duban.organisation.Organisation;
import org.duban.system.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the person's name, roles and which sections they may open, so the shared
 * navigation bar shows each person only the places their role reaches.
 */
@ControllerAdvice(annotations = Controller.class)
class Navigation {

    private static final Map<String, String> ROLE_NAMES = Map.of(
            Groups.LEADERS, "领导", Groups.SUPERVISORS, "督查室", Groups.AUDITORS, "审计/纪检", Groups.ADMINS, "管理员");

    /** What the navigation bar needs to know about the person looking at the page. */
    public record Me(String id, String name, String roles, boolean canIssue, boolean canMonitor, boolean canAudit,
            boolean canAdmin) {}

    private final Organisation organisation;

    Navigation(Organisation organisation) {
        this.organisation = organisation;
    }

    @ModelAttribute("me")
    Me me(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getName())) {
            return null;
        }
        CurrentUser user = CurrentUser.of(authentication);
        List<String> roles = user.groups().stream().filter(g -> !Groups.CAMUNDA_ADMIN.equals(g)).sorted()
                .map(this::displayName).toList();
        boolean admin = user.groups().contains(Groups.ADMINS);
        return new Me(user.id(), organisation.member(user.id()).map(m -> m.name()).orElse(user.id()),
                String.join("、", roles), user.isLeader() || user.isSupervisor(),
                user.seesEverything() || admin, user.groups().contains(Groups.AUDITORS) || admin, admin);
    }

    private String displayName(String group) {
        if (Groups.isDepartmentGroup(group)) {
            return organisation.department(Groups.departmentCode(group)).map(d -> d.name()).orElse(group);
        }
        return ROLE_NAMES.getOrDefault(group, group);
    }
}
