package org.duban.directive.internal.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.duban.directive.internal.PartRow;
import org.duban.directive.internal.PartStore;
import org.duban.organisation.Groups;
import org.duban.system.HistoryGrants;
import org.duban.system.UnwrittenEntities;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who may read a part through {@code /engine-rest}, granted as its tasks are created (the engine records history
 * by instance: historic instance permissions are on, so a unit reads the engine's history of its own work, never a
 * sibling's):
 * <ul>
 * <li>the unit: the part's history (its instance) from its 签收 task on — again when the part is reassigned, as
 * the new unit's 签收 task is created. Its tasks and their history it reads as their candidate (Camunda grants
 * those with the candidacy);</li>
 * <li>the units that passed a sub-part down (its parent unit, and theirs above, up the chain): every task of it —
 * in Tasklist's search, by id, its variables, its history — and the part's history; read only: claiming and
 * completing stay with the unit and its candidates.</li>
 * </ul>
 */
@Component
class GrantPartReadersListener implements TaskListener {

    static final String SIGN_TASK = "Task_SignDirective";

    private final PartStore parts;
    private final AuthorizationService authorizations;

    GrantPartReadersListener(PartStore parts, @Lazy AuthorizationService authorizations) {
        this.parts = parts;
        this.authorizations = authorizations;
    }

    @Override
    public void notify(DelegateTask task) {
        parts.byInstance(task.getProcessInstanceId()).ifPresent(part -> {
            boolean signing = SIGN_TASK.equals(task.getTaskDefinitionKey());
            Set<String> passers = part.isSubPart() ? passersAbove(part) : new LinkedHashSet<>();
            if (!signing && passers.isEmpty()) {
                return;
            }
            Set<String> taskReaders = new LinkedHashSet<>(passers);
            // a passer that is a candidate of the task (the parent reviewing a sub-unit's result or deciding its
            // extension) holds more already: Camunda grants it with the candidacy (not yet flushed, so not queryable)
            task.getCandidates().forEach(link -> taskReaders.remove(
                    link.getGroupId() != null && Groups.isDepartmentGroup(link.getGroupId())
                            ? Groups.departmentCode(link.getGroupId()) : null));
            // nobody can hold a grant on a task or an instance created in this very step: no need to ask (the
            // instance's 签收 task is created again when the part is reassigned, and then the unit may hold one)
            ExecutionEntity instance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
            boolean newInstance = UnwrittenEntities.isUnwritten(instance);
            String root = instance.getRootProcessInstanceId();
            // the grants are Duban's doing, not the person's whose step created the task: no permission on
            // authorizations is asked of them
            Context.getCommandContext().runWithoutAuthorization(() -> {
                for (String unit : taskReaders) {
                    grant(unit, Resources.TASK, task.getId(), Permissions.READ, false, root);
                    grant(unit, Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ, false, root);
                }
                if (signing) {
                    Set<String> instanceReaders = new LinkedHashSet<>(passers);
                    instanceReaders.add(part.unit());
                    for (String unit : instanceReaders) {
                        grant(unit, Resources.HISTORIC_PROCESS_INSTANCE, task.getProcessInstanceId(),
                                HistoricProcessInstancePermissions.READ, !newInstance, root);
                    }
                }
                return null;
            });
        });
    }

    /** The units that passed the part down, nearest first (the chain of parent units within the directive). */
    private Set<String> passersAbove(PartRow part) {
        Set<String> units = new LinkedHashSet<>();
        PartRow current = part;
        while (current != null && current.parentUnit() != null && units.add(current.parentUnit())) {
            current = parts.find(part.number(), current.parentUnit()).orElse(null);
        }
        return units;
    }

    /** A grant on history carries its root instance, so that history cleanup removes it with that history. */
    private void grant(String unit, Resource resource, String resourceId, Permission permission, boolean mayExist,
            String rootProcessInstanceId) {
        String group = Groups.department(unit);
        if (mayExist && authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).count() > 0) {
            return;
        }
        if (resource.resourceType() != Resources.TASK.resourceType()) {
            HistoryGrants.grant(group, resource, resourceId, permission, rootProcessInstanceId);
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        authorizations.saveAuthorization(grant);
    }
}
