package org.duban.directive.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.Names;
import org.duban.directive.WorkDesk;
import org.duban.system.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's open tasks of a person — assigned to them, or offered to one of their groups, as Tasklist lists them —
 * joined to the directive and part each belongs to (by the instance's business key, the directive number).
 */
@Component
class Desk implements WorkDesk {

    /** The loop's steps in the order a person meets them, with the names the page shows. */
    static final Map<String, String> STEPS = stepNames();

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final DirectiveStore directives;
    private final PartStore parts;
    private final Names names;

    Desk(TaskService tasks, RuntimeService runtime, DirectiveStore directives, PartStore parts, Names names) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.directives = directives;
        this.parts = parts;
        this.names = names;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Item> openWork(CurrentUser person, int limit) {
        List<Task> open = mine(person).orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, limit);
        Set<String> instances = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> numbers = new LinkedHashMap<>();
        if (!instances.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instances).list()) {
                numbers.put(instance.getId(), instance.getBusinessKey());
            }
        }
        List<Item> items = new ArrayList<>();
        for (Task task : open) {
            String number = numbers.get(task.getProcessInstanceId());
            Optional<DirectiveRow> directive = number == null ? Optional.empty() : directives.find(number);
            Optional<PartRow> part = parts.byInstance(task.getProcessInstanceId());
            items.add(new Item(task.getId(), STEPS.getOrDefault(task.getTaskDefinitionKey(), task.getName()), number,
                    directive.map(DirectiveRow::title).orElse(task.getName()), part.map(PartRow::unit).orElse(null),
                    part.map(p -> names.unit(p.unit())).orElse(null),
                    part.map(PartRow::light).orElse(directive.map(DirectiveRow::light).orElse(null)),
                    task.getDueDate() == null ? null : OffsetDateTime.ofInstant(task.getDueDate().toInstant(),
                            WorkCalendar.ZONE), directive.map(d -> d.priority().key()).orElse(null)));
        }
        return items;
    }

    @Override
    public Map<String, Long> countsByStep(CurrentUser person) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STEPS.forEach((key, step) -> {
            long count = mine(person).taskDefinitionKey(key).count();
            if (count > 0) {
                counts.merge(step, count, Long::sum);
            }
        });
        return counts;
    }

    /** Assigned to the person, or unassigned and offered to one of their groups. */
    private TaskQuery mine(CurrentUser person) {
        List<String> groups = List.copyOf(person.groups());
        TaskQuery query = tasks.createTaskQuery().active();
        return groups.isEmpty() ? query.taskAssignee(person.id())
                : query.or().taskAssignee(person.id()).taskCandidateGroupIn(groups).endOr();
    }

    private static Map<String, String> stepNames() {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("Task_ApproveDirective", "领导批示");
        steps.put("Task_SignDirective", "签收");
        steps.put("Task_DecideReassignment", "审批改派");
        steps.put("Task_HandleDirective", "办理");
        steps.put("Task_DecideExtension", "审批延期");
        steps.put("Task_ReviewResult", "审核");
        return steps;
    }
}
