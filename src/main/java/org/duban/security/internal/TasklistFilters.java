package org.duban.security.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
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
 * Ready-made Tasklist filters: one per department (its open tasks, earliest deadline first), one
 * for the supervision office, one for leaders, and "assigned to me" for everybody. Filters have no
 * owner, so each group is granted READ on its own filters.
 */
@Component
@Order(30)
class TasklistFilters implements ApplicationRunner {

    private record Spec(String name, String description, int priority, TaskQuery query, List<String> readers) {}

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final Organisation organisation;
    private final TransactionTemplate transaction;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
            Organisation organisation, TransactionTemplate transaction) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.organisation = organisation;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> specs().forEach(this::save));
    }

    /** A new unit's filter, and everyone's filters shared with it, come with the version that brings it. */
    @EventListener
    void on(OrganisationChanged changed) {
        if (changed.appliedHere()) {
            specs().forEach(this::save);
        }
    }

    private List<Spec> specs() {
        List<String> everyone = new ArrayList<>(Groups.ROLE_GROUPS);
        organisation.departments().forEach(d -> everyone.add(d.groupId()));
        List<Spec> specs = new ArrayList<>();
        // listed after each group's own filter: Tasklist opens the first one, and new work is unclaimed
        specs.add(new Spec("我的任务", "已认领、由我办理的任务", 1000,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), everyone));
        specs.add(new Spec("领导批示", "待领导批示的督办事项", 0, byGroup(Groups.LEADERS), List.of(Groups.LEADERS)));
        specs.add(new Spec("督查室待办", "待督查室审核、审批延期的事项", 0, byGroup(Groups.SUPERVISORS),
                List.of(Groups.SUPERVISORS)));
        int priority = 10;
        for (Department department : organisation.departments()) {
            specs.add(new Spec(department.name() + "待办", department.name() + "的待签收、办理中任务（按期限排序）",
                    priority++, byGroup(department.groupId()), List.of(department.groupId())));
        }
        return specs;
    }

    private TaskQuery byGroup(String group) {
        return tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().orderByDueDate().asc();
    }

    private void save(Spec spec) {
        Filter filter = filters.createFilterQuery().filterName(spec.name()).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(spec.name());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", spec.description());
        properties.put("priority", spec.priority());
        properties.put("refresh", true);
        filter.setProperties(properties);
        filter.setQuery(spec.query());
        filters.saveFilter(filter);
        for (String group : spec.readers()) {
            allowRead(group, filter.getId());
        }
    }

    private void allowRead(String group, String filterId) {
        boolean granted = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(FILTER).resourceId(filterId).count() > 0;
        if (!granted) {
            Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(READ);
            authorizations.saveAuthorization(authorization);
        }
    }
}
