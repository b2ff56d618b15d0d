package org.duban.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.Timeline;
import org.duban.notification.NotificationLog;
import org.springframework.stereotype.Component;

/**
 * Replays who did what and when: Duban's events (issued, urged, scored…) merged with Camunda's
 * history (process instances, tasks) and its user operation log (who completed, claimed, changed
 * what), in one list ordered by time.
 */
@Component
class AuditTrail {

    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("Complete", "完成任务"), Map.entry("Claim", "认领任务"), Map.entry("Assign", "指派任务"),
            Map.entry("Delegate", "委托任务"), Map.entry("SetOwner", "设置任务所有人"), Map.entry("Create", "启动流程"),
            Map.entry("SetVariable", "设置变量"), Map.entry("ModifyVariable", "修改变量"),
            Map.entry("RemoveVariable", "删除变量"), Map.entry("Delete", "删除"), Map.entry("Update", "更新"),
            Map.entry("Suspend", "挂起"), Map.entry("Activate", "激活"), Map.entry("SetJobRetries", "设置作业重试"),
            Map.entry("CorrelateMessage", "发送消息"), Map.entry("Evaluate", "执行决策"));

    private final HistoryService history;
    private final Timeline timeline;
    private final DirectiveRecords records;
    private final NotificationLog notifications;
    private final DepartmentOfInstance departmentOf;

    AuditTrail(HistoryService history, Timeline timeline, DirectiveRecords records, NotificationLog notifications,
            DepartmentOfInstance departmentOf) {
        this.history = history;
        this.timeline = timeline;
        this.records = records;
        this.notifications = notifications;
        this.departmentOf = departmentOf;
    }

    boolean exists(String number) {
        return records.status(number).isPresent();
    }

    List<TrailEntry> ofDirective(String number) {
        List<TrailEntry> entries = new ArrayList<>();
        timeline.of(number).forEach(e -> entries.add(new TrailEntry(e.at(), "DUBAN", e.type().name(), e.type().label(),
                e.actor(), e.department(), number, e.details())));
        Map<String, String> departmentOfInstance = new LinkedHashMap<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .list()) {
            String department = departmentOf.of(instance);
            departmentOfInstance.put(instance.getId(), department);
            entries.add(engine(instance.getStartTime(), "PROCESS_STARTED", "流程实例启动：" + instance.getProcessDefinitionKey(),
                    instance.getStartUserId(), department, number, Map.of("processInstanceId", instance.getId())));
            if (instance.getEndTime() != null) {
                entries.add(engine(instance.getEndTime(), "PROCESS_ENDED", "流程实例结束：" + instance.getProcessDefinitionKey(),
                        null, department, number, details("processInstanceId", instance.getId(),
                                "state", instance.getState(), "reason", instance.getDeleteReason())));
            }
            for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(instance.getId()).list()) {
                entries.add(operation(op, department, number));
            }
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number).list()) {
            String department = departmentOfInstance.get(task.getProcessInstanceId());
            entries.add(engine(task.getStartTime(), "TASK_CREATED", "任务创建：" + task.getName(), null, department, number,
                    details("taskId", task.getId(), "task", task.getTaskDefinitionKey())));
            if (task.getEndTime() != null) {
                entries.add(engine(task.getEndTime(), "TASK_ENDED", "任务结束：" + task.getName(), task.getAssignee(),
                        department, number, details("taskId", task.getId(), "task", task.getTaskDefinitionKey(),
                                "reason", task.getDeleteReason())));
            }
        }
        for (NotificationLog.Notification n : notifications.ofDirective(number)) {
            Map<String, Object> details = details("notificationId", n.id(), "kind", n.kind(), "recipient", n.recipient(),
                    "subject", n.subject(), "attempts", n.attempts(), "lastError", n.lastError());
            entries.add(new TrailEntry(n.queuedAt(), "MAIL", "NOTIFICATION_QUEUED", "通知已写入发件箱", null, null, number,
                    details));
            if (n.sentAt() != null) {
                entries.add(new TrailEntry(n.sentAt(), "MAIL", "NOTIFICATION_" + n.status(),
                        "SENT".equals(n.status()) ? "通知已发送" : "通知已记录（未配置邮件服务器）", null, null, number, details));
            }
        }
        entries.sort(Comparator.comparing(TrailEntry::at).thenComparing(e -> e.source().equals("ENGINE") ? 0 : 1));
        return entries;
    }

    List<TrailEntry> ofPerson(String userId, OffsetDateTime from, OffsetDateTime to) {
        List<TrailEntry> entries = new ArrayList<>();
        for (UserOperationLogEntry op : history.createUserOperationLogQuery().userId(userId)
                .afterTimestamp(Date.from(from.toInstant())).beforeTimestamp(Date.from(to.toInstant())).list()) {
            String number = op.getProcessInstanceId() == null ? null : businessKey(op.getProcessInstanceId());
            entries.add(operation(op, null, number));
        }
        timeline.byActor(userId, from, to).forEach(e -> entries.add(new TrailEntry(e.at(), "DUBAN", e.type().name(),
                e.type().label(), e.actor(), e.department(), e.number(), e.details())));
        entries.sort(Comparator.comparing(TrailEntry::at));
        return entries;
    }

    private TrailEntry operation(UserOperationLogEntry op, String department, String number) {
        Map<String, Object> details = details("operationId", op.getOperationId(), "entityType", op.getEntityType(),
                "property", op.getProperty(), "newValue", op.getNewValue(), "taskId", op.getTaskId(),
                "category", op.getCategory());
        return engine(op.getTimestamp(), "OPERATION_" + op.getOperationType().toUpperCase(),
                OPERATIONS.getOrDefault(op.getOperationType(), op.getOperationType()), op.getUserId(), department, number,
                details);
    }

    private String businessKey(String processInstanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private static TrailEntry engine(Date at, String type, String label, String actor, String department, String number,
            Map<String, Object> details) {
        return new TrailEntry(OffsetDateTime.ofInstant(at.toInstant(), WorkCalendar.ZONE).withOffsetSameInstant(ZoneOffset.ofHours(8)),
                "ENGINE", type, label, actor, department, number, details);
    }

    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
