package org.duban.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test-only step of {@code test-recovery.bpmn}: counts each run of a timer job as a row written in the
 * job's own transaction (a run that does not commit leaves none), with the node that ran it. It then
 * takes {@code workMillis}, so that a node holds its job locks long enough to be killed holding them.
 * Only the two-node kill test creates the table and starts the process.
 */
@Component("recordRecoveryRunDelegate")
class RecordRecoveryRunDelegate implements JavaDelegate {

    private final JdbcTemplate jdbc;
    private final NodeName node;

    RecordRecoveryRunDelegate(JdbcTemplate jdbc, NodeName node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        jdbc.update("INSERT INTO recovery_run (instance_id, node) VALUES (?, ?)", execution.getProcessInstanceId(),
                node.value());
        Object work = execution.getVariable("workMillis");
        if (work instanceof Number millis) {
            // stands for real work inside the job: the lock is held meanwhile
            Thread.sleep(millis.longValue());
        }
    }
}
