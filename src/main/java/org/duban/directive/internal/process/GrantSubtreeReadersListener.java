package org.duban.directive.internal.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.duban.directive.internal.PartRow;
import org.duban.directive.internal.PartStore;
import org.duban.organisation.Groups;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * On every task of a passed-down part: the units that passed it down (its parent unit, and theirs above, up the
 * chain) may read the task — in Tasklist's search, by id, its variables — through {@code /engine-rest} as on our
 * pages; they never work on it (read only: claiming and completing stay with the unit and its candidates).
 */
@Component
class GrantSubtreeReadersListener implements TaskListener {

    private final PartStore parts;
    private final AuthorizationService authorizations;

    GrantSubtreeReadersListener(PartStore parts, @Lazy AuthorizationService authorizations) {
        this.parts = parts;
        this.authorizations = authorizations;
    }

    @Override
    public void notify(DelegateTask task) {
        parts.byInstance(task.getProcessInstanceId()).filter(PartRow::isSubPart).ifPresent(part -> {
            Set<String> passers = passersAbove(part);
            // a passer that is a candidate of the task (the parent reviewing a sub-unit's result or deciding its
            // extension) holds more already: Camunda grants it with the candidacy (not yet flushed, so not queryable)
            task.getCandidates().forEach(link -> passers.remove(
                    link.getGroupId() != null && Groups.isDepartmentGroup(link.getGroupId())
                            ? Groups.departmentCode(link.getGroupId()) : null));
            // the grants are Duban's doing, not the person's whose step created the task: no permission on
            // authorizations is asked of them
            Context.getCommandContext().runWithoutAuthorization(() -> {
                passers.forEach(unit -> read(unit, task.getId()));
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

    private void read(String unit, String taskId) {
        String group = Groups.department(unit);
        if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(Resources.TASK).resourceId(taskId).count() > 0) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.TASK);
        grant.setResourceId(taskId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }
}
