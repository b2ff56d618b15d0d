package org.duban.system.history;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine history Duban keeps (engine SPI, kept to this package). Every business fact — who issued, signed,
 * reported, asked, decided, urged, what a score was made of — is in Duban's own hash-chained record, and a step's
 * variables are only its input; so the engine keeps what people read in its own screens and nothing else:
 * <ul>
 * <li>process instances and tasks: the audit trail's task lines, Tasklist's and Cockpit's finished work;</li>
 * <li>the user operation log: who claimed, completed, assigned (the trail's 任务操作 lines, Tasklist's 历史 tab);</li>
 * <li>incidents and failed jobs: what went wrong and on which node;</li>
 * <li>decision evaluations: Cockpit's decision instances, beside the score explanation in the trail;</li>
 * <li>batches (Cockpit's batch view).</li>
 * </ul>
 * Left out, as FULL would write them for every step: activity instances, variable instances and their every
 * update, form properties, identity links, and the job log of jobs that ran fine. That is most of FULL's writes.
 */
public final class AuditHistoryLevel extends AbstractHistoryLevel {

    public static final String NAME = "duban";
    /** Not one of Camunda's (0–3); stored in ACT_GE_PROPERTY.historyLevel. */
    public static final int ID = 95;

    private static final Set<HistoryEventTypes> PRODUCED = EnumSet.of(
            HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
            HistoryEventTypes.PROCESS_INSTANCE_MIGRATE, HistoryEventTypes.PROCESS_INSTANCE_END,
            HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
            HistoryEventTypes.TASK_INSTANCE_MIGRATE, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
            HistoryEventTypes.TASK_INSTANCE_DELETE,
            HistoryEventTypes.USER_OPERATION_LOG,
            HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_DELETE,
            HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.INCIDENT_UPDATE,
            HistoryEventTypes.JOB_FAIL,
            HistoryEventTypes.DMN_DECISION_EVALUATE,
            HistoryEventTypes.BATCH_START, HistoryEventTypes.BATCH_END, HistoryEventTypes.BATCH_UPDATE,
            HistoryEventTypes.EXTERNAL_TASK_FAIL);

    private final Set<HistoryEventTypes> produced;

    public AuditHistoryLevel() {
        this(PRODUCED);
    }

    AuditHistoryLevel(Set<HistoryEventTypes> produced) {
        this.produced = produced;
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType instanceof HistoryEventTypes type && produced.contains(type);
    }

    /** Whether events of this type are kept (for the tests that pin the choice). */
    public boolean keeps(HistoryEventTypes type) {
        return produced.contains(type);
    }
}
