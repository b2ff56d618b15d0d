package org.duban.security.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.List;

import lombok.extern.slf4j.Slf4j;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.duban.organisation.Department;
import org.duban.organisation.Groups;
import org.duban.organisation.Organisation;
import org.duban.organisation.OrganisationChanged;
import org.springframework.context.event.EventListener;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's authorizations per role. Department members get no global task permission: the
 * engine grants them each task on which their {@code dept-<code>} group is a candidate, and
 * nothing else, so another department's task is invisible to them, in Tasklist and /engine-rest.
 * Admins get every permission, as Camunda's own administrator group does.
 */
@Slf4j
@Component
@Order(20)
class RoleAuthorizations implements ApplicationRunner {

    static final String DIRECTIVE_PROCESS = "directive";
    private static final String ANY = "*";

    private final AuthorizationService authorizations;
    private final Organisation organisation;
    private final TransactionTemplate transaction;

    RoleAuthorizations(AuthorizationService authorizations, Organisation organisation,
            TransactionTemplate transaction) {
        this.authorizations = authorizations;
        this.organisation = organisation;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> grantAll());
    }

    /** New units get their grants with the version that brings them (in its transaction, on the node applying it). */
    @EventListener
    void on(OrganisationChanged changed) {
        if (changed.appliedHere()) {
            grantAll();
        }
    }

    private void grantAll() {
        // Everyone may see who is who: Tasklist shows names of assignees and candidate groups.
        global(USER, ANY, READ);
        global(GROUP, ANY, READ);

        for (String group : List.of(Groups.LEADERS, Groups.SUPERVISORS)) {
            grant(group, APPLICATION, "tasklist", ACCESS);
            grant(group, APPLICATION, "cockpit", ACCESS);
            readEverything(group);
            grant(group, TASK, ANY, READ);
            grant(group, PROCESS_DEFINITION, DIRECTIVE_PROCESS, CREATE_INSTANCE);
            grant(group, PROCESS_INSTANCE, ANY, CREATE);
        }
        grant(Groups.AUDITORS, APPLICATION, "cockpit", ACCESS);
        readEverything(Groups.AUDITORS);
        grant(Groups.AUDITORS, TASK, ANY, READ);

        // like Camunda's own administrator setup: everything, including access to every webapp
        for (Resources resource : Resources.values()) {
            grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
        }

        for (Department department : organisation.departments()) {
            grant(department.groupId(), APPLICATION, "tasklist", ACCESS);
            // the model itself only (names in Tasklist), never the instances of other departments
            grant(department.groupId(), PROCESS_DEFINITION, ANY, READ);
        }
        log.info("Authorizations granted for roles and {} departments", organisation.departments().size());
    }

    private void readEverything(String group) {
        grant(group, PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE, READ_TASK);
        grant(group, PROCESS_INSTANCE, ANY, READ);
        grant(group, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
        grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
        grant(group, DEPLOYMENT, ANY, READ);
        grant(group, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    }

    private void global(Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId).singleResult();
        save(existing, AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
    }

    void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .singleResult();
        save(existing, AUTH_TYPE_GRANT, group, resource, resourceId, permissions);
    }

    private void save(Authorization existing, int type, String group, Resource resource, String resourceId,
            Permission... permissions) {
        boolean isNew = existing == null;
        Authorization authorization = isNew ? authorizations.createNewAuthorization(type) : existing;
        if (isNew) {
            if (group == null) {
                authorization.setUserId(Authorization.ANY);
            } else {
                authorization.setGroupId(group);
            }
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = isNew;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        authorizations.saveAuthorization(authorization);
    }
}
