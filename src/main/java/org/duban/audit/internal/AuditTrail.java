package org.duban.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.AuditRecord;
import org.duban.directive.Names;
import org.duban.notification.NotificationLog;
import org.springframework.stereotype.Component;

/**
 * Replays who did what and when: Duban's events (issued, urged, scored…) merged with Camunda's history (process
 * instances, tasks) and its user operation log (who completed, claimed, changed what), and every mail, in one
 * list ordered by time, each in a Chinese sentence.
 */
@Component
class AuditTrail {

    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("Complete", "完成任务"), Map.entry("Claim", "认领任务"), Map.entry("Assign", "指派任务"),
            Map.entry("Delegate", "委托任务"), Map.entry("SetOwner", "设置任务所有人"), Map.entry("Create", "启动流程"),
            Map.entry("SetVariable", "设置变量"), Map.entry("ModifyVariable", "修改变量"),
            Map.entry("RemoveVariable", "删除变量"), Map.entry("Delete", "删除"), Map.entry("Update", "更新"),
            Map.entry("Suspend", "挂起"), Map.entry("Activate", "激活"), Map.entry("SetJobRetries", "设置作业重试"),
            Map.entry("CorrelateMessage", "发送消息"), Map.entry("Evaluate", "执行决策"),
            Map.entry("AddComment", "添加评论"), Map.entry("AddUserLink", "添加任务人员"),
            Map.entry("DeleteUserLink", "移除任务人员"), Map.entry("AddGroupLink", "添加候选组"),
            Map.entry("DeleteGroupLink", "移除候选组"), Map.entry("SetDueDate", "修改到期日"),
            Map.entry("SetPriority", "修改优先级"), Map.entry("SetName", "修改任务名称"));
    private static final Map<String, String> STATES = Map.of("COMPLETED", "已完成", "EXTERNALLY_TERMINATED", "被终止",
            "INTERNALLY_TERMINATED", "被流程内部终止", "ACTIVE", "进行中", "SUSPENDED", "已挂起");
    private static final Map<String, String> MAIL_STATUSES = Map.of("SENT", "已发送", "LOGGED", "已记录（未配置邮件服务器）",
            "PENDING", "待发送", "HELD", "暂缓至免打扰时段结束", "DIGEST", "等待每日汇总", "DIGESTED", "已并入每日汇总",
            "CANCELLED", "已取消");

    private final HistoryService history;
    private final AuditRecord record;
    private final NotificationLog notifications;
    private final Names names;

    AuditTrail(HistoryService history, AuditRecord record, NotificationLog notifications, Names names) {
        this.history = history;
        this.record = record;
        this.notifications = notifications;
        this.names = names;
    }

    boolean exists(String number) {
        return record.exists(number);
    }

    List<TrailEntry> ofDirective(String number) {
        List<TrailEntry> entries = new ArrayList<>();
        record.eventsOf(number).forEach(e -> entries.add(duban(e)));
        Map<String, String> unitOfInstance = new HashMap<>();
        Map<String, String> taskNames = new HashMap<>();
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
                .list();
        tasks.forEach(t -> taskNames.put(t.getId(), t.getName()));
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .list()) {
            String unit = record.unitOfInstance(instance.getId()).orElse(null);
            unitOfInstance.put(instance.getId(), unit);
            String process = instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
                    : instance.getProcessDefinitionName();
            entries.add(engine(instance.getStartTime(), "PROCESS_STARTED", "流程实例启动", instance.getStartUserId(), unit,
                    number, "启动「" + process + "」流程" + (unit == null ? "" : "（" + names.unit(unit) + "）"),
                    Map.of("processInstanceId", instance.getId())));
            if (instance.getEndTime() != null) {
                String reason = instance.getDeleteReason() == null ? "" : "，原因：" + instance.getDeleteReason();
                entries.add(engine(instance.getEndTime(), "PROCESS_ENDED", "流程实例结束", null, unit, number,
                        "「" + process + "」流程" + STATES.getOrDefault(instance.getState(), instance.getState()) + reason,
                        Map.of("processInstanceId", instance.getId(), "state", instance.getState())));
            }
            for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(instance.getId()).list()) {
                entries.add(operation(op, unit, number, taskNames));
            }
        }
        for (HistoricTaskInstance task : tasks) {
            String unit = unitOfInstance.get(task.getProcessInstanceId());
            entries.add(engine(task.getStartTime(), "TASK_CREATED", "任务创建", null, unit, number,
                    "任务「" + task.getName() + "」创建", Map.of("taskId", task.getId(), "task", task.getTaskDefinitionKey())));
            if (task.getEndTime() != null) {
                String how = task.getDeleteReason() == null || "completed".equals(task.getDeleteReason())
                        ? (task.getAssignee() == null ? "已完成" : "由" + names.person(task.getAssignee()) + "完成")
                        : "已结束（" + ("deleted".equals(task.getDeleteReason()) ? "流程终止" : task.getDeleteReason()) + "）";
                entries.add(engine(task.getEndTime(), "TASK_ENDED", "任务结束", task.getAssignee(), unit, number,
                        "任务「" + task.getName() + "」" + how, Map.of("taskId", task.getId(), "task", task.getTaskDefinitionKey())));
            }
        }
        for (NotificationLog.Notification n : notifications.ofDirective(number)) {
            String about = "收件人 " + n.recipient() + "，主题「" + n.subject() + "」";
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("notificationId", n.id());
            details.put("kind", n.kind());
            details.put("recipient", n.recipient());
            details.put("attempts", n.attempts());
            if (n.lastError() != null) {
                details.put("lastError", n.lastError());
            }
            entries.add(new TrailEntry(n.queuedAt(), "MAIL", "NOTIFICATION_QUEUED", "通知已写入发件箱", null, null,
                    null, null, number, about, details));
            if (n.sentAt() != null) {
                entries.add(new TrailEntry(n.sentAt(), "MAIL", "NOTIFICATION_" + n.status(),
                        "通知" + MAIL_STATUSES.getOrDefault(n.status(), n.status()), null, null, null, null, number,
                        about + "，第 " + n.attempts() + " 次尝试" + (n.lastError() == null ? "" : "，最近错误：" + n.lastError()),
                        details));
            }
        }
        entries.sort(Comparator.comparing(TrailEntry::at).thenComparing(e -> e.source().equals("ENGINE") ? 0 : 1));
        return entries;
    }

    List<TrailEntry> ofPerson(String userId, OffsetDateTime from, OffsetDateTime to) {
        List<TrailEntry> entries = new ArrayList<>();
        for (UserOperationLogEntry op : history.createUserOperationLogQuery().userId(userId)
                .afterTimestamp(Date.from(from.toInstant())).beforeTimestamp(Date.from(to.toInstant())).list()) {
            HistoricProcessInstance instance = op.getProcessInstanceId() == null ? null
                    : history.createHistoricProcessInstanceQuery().processInstanceId(op.getProcessInstanceId()).singleResult();
            String unit = instance == null ? null : record.unitOfInstance(instance.getId()).orElse(null);
            entries.add(operation(op, unit, instance == null ? null : instance.getBusinessKey(), Map.of()));
        }
        record.eventsBy(userId, from, to).forEach(e -> entries.add(duban(e)));
        entries.sort(Comparator.comparing(TrailEntry::at));
        return entries;
    }

    private TrailEntry duban(AuditRecord.Event e) {
        return new TrailEntry(e.at(), "DUBAN", e.type().name(), e.type().label(), e.actor(), name(e.actor()), e.unit(),
                e.unit() == null ? null : names.unit(e.unit()), e.number(), e.details().describe(names), e.details());
    }

    private TrailEntry operation(UserOperationLogEntry op, String unit, String number, Map<String, String> taskNames) {
        String what = OPERATIONS.getOrDefault(op.getOperationType(), op.getOperationType());
        StringJoiner text = new StringJoiner("，");
        text.add((op.getUserId() == null ? "" : names.person(op.getUserId())) + what);
        if (op.getTaskId() != null) {
            text.add("任务「" + taskNames.getOrDefault(op.getTaskId(), op.getTaskId()) + "」");
        }
        if (op.getProperty() != null) {
            text.add(op.getProperty() + (op.getNewValue() == null ? "" : " = " + op.getNewValue()));
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("operationId", op.getOperationId());
        details.put("entityType", op.getEntityType());
        if (op.getTaskId() != null) {
            details.put("taskId", op.getTaskId());
        }
        if (op.getProperty() != null) {
            details.put("property", op.getProperty());
            details.put("newValue", op.getNewValue());
        }
        return engine(op.getTimestamp(), "OPERATION_" + op.getOperationType().toUpperCase(), what, op.getUserId(), unit,
                number, text.toString(), details);
    }

    private TrailEntry engine(Date at, String type, String label, String actor, String unit, String number, String text,
            Map<String, Object> details) {
        return new TrailEntry(OffsetDateTime.ofInstant(at.toInstant(), WorkCalendar.ZONE).withOffsetSameInstant(ZoneOffset.ofHours(8)),
                "ENGINE", type, label, actor, name(actor), unit, unit == null ? null : names.unit(unit), number, text, details);
    }

    private String name(String person) {
        return person == null ? null : names.person(person);
    }
}
