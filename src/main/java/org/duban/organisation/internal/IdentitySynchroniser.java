package org.duban.organisation.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import lombok.extern.slf4j.Slf4j;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.duban.organisation.Department;
import org.duban.organisation.Groups;
import org.duban.organisation.Member;
import org.duban.organisation.Organisation;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes Camunda's identity service match the organisation file: its groups, its users and their
 * memberships. Idempotent, and all in one transaction so that a failure leaves the old state whole.
 * People removed from the file keep their user record (history shows their names) but lose every
 * Duban group, and with it every permission.
 */
@Slf4j
@Component
@Order(IdentitySynchroniser.ORDER)
class IdentitySynchroniser implements ApplicationRunner {

    static final int ORDER = 10;
    private static final Map<String, String> ROLE_GROUP_NAMES = Map.of(
            Groups.LEADERS, "领导", Groups.SUPERVISORS, "督查室", Groups.AUDITORS, "审计/纪检", Groups.ADMINS, "管理员",
            Groups.CAMUNDA_ADMIN, "Camunda 管理员");

    private final Organisation organisation;
    private final IdentityService identity;
    private final IdentityProperties properties;
    private final TransactionTemplate transaction;

    IdentitySynchroniser(Organisation organisation, IdentityService identity, IdentityProperties properties,
            TransactionTemplate transaction) {
        this.organisation = organisation;
        this.identity = identity;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> synchronise());
    }

    void synchronise() {
        Map<String, String> wantedGroups = wantedGroups();
        synchroniseGroups(wantedGroups);
        Map<String, Set<String>> wantedMemberships = new LinkedHashMap<>();
        for (Member member : organisation.members()) {
            saveUser(member.id(), member.name(), member.email(), properties.demo() ? properties.demoPassword() : null);
            wantedMemberships.put(member.id(), member.groups());
        }
        if (properties.hasOperatorAdmin()) {
            saveUser(properties.adminId(), "管理员", null, properties.adminPassword());
            Set<String> groups = wantedMemberships.computeIfAbsent(properties.adminId(), id -> new HashSet<>());
            groups.add(Groups.ADMINS);
            groups.add(Groups.CAMUNDA_ADMIN);
        }
        for (User user : identity.createUserQuery().list()) {
            synchroniseMemberships(user.getId(), wantedMemberships.getOrDefault(user.getId(), Set.of()),
                    wantedGroups.keySet());
        }
        log.info("Identity synchronised: {} departments, {} users", organisation.departments().size(),
                wantedMemberships.size());
    }

    private Map<String, String> wantedGroups() {
        Map<String, String> groups = new LinkedHashMap<>(ROLE_GROUP_NAMES);
        for (Department department : organisation.departments()) {
            groups.put(department.groupId(), department.name());
        }
        return groups;
    }

    private void synchroniseGroups(Map<String, String> wanted) {
        Map<String, Group> existing = new LinkedHashMap<>();
        identity.createGroupQuery().list().forEach(group -> existing.put(group.getId(), group));
        wanted.forEach((id, name) -> {
            Group group = existing.get(id);
            String type = Groups.ADMINS.equals(id) || Groups.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW";
            if (group == null) {
                group = identity.newGroup(id);
            } else if (name.equals(group.getName()) && type.equals(group.getType())) {
                return;
            }
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        });
        existing.keySet().stream()
                .filter(id -> Groups.isDepartmentGroup(id) && !wanted.containsKey(id))
                .forEach(id -> {
                    log.info("Department group {} is no longer in the organisation: removed", id);
                    identity.deleteGroup(id);
                });
    }

    private void saveUser(String id, String name, String email, String initialPassword) {
        User user = identity.createUserQuery().userId(id).singleResult();
        boolean created = user == null;
        if (created) {
            user = identity.newUser(id);
            user.setPassword(initialPassword);
        } else if (name.equals(user.getFirstName()) && (email == null || email.equals(user.getEmail()))) {
            return;
        }
        // Chinese names are written family name first and not split; Tasklist shows first + last name.
        user.setFirstName(name);
        user.setLastName("");
        if (email != null) {
            user.setEmail(email);
        }
        identity.saveUser(user);
    }

    private void synchroniseMemberships(String userId, Set<String> wanted, Set<String> managed) {
        Set<String> current = new HashSet<>();
        identity.createGroupQuery().groupMember(userId).list().forEach(group -> current.add(group.getId()));
        for (String group : wanted) {
            if (!current.contains(group)) {
                identity.createMembership(userId, group);
            }
        }
        for (String group : current) {
            if (managed.contains(group) && !wanted.contains(group)) {
                identity.deleteMembership(userId, group);
            }
        }
    }
}
