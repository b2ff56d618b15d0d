package org.duban.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import lombok.extern.slf4j.Slf4j;

/**
 * Indexes the engine's own schema lacks for statements the engine runs all the time:
 * <ul>
 * <li>{@link #TASK_PARENT}: completing or deleting a task looks for its sub-tasks
 * ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), and Camunda ships no index on that column: every
 * one of the fifteen task completions of a closed loop read every open task. A district's directive to its streets
 * and communities leaves a thousand open 签收 tasks at once, so that scan grows with the city's work.</li>
 * <li>{@link #JOB_DUE}: the job executor asks for jobs that are due ({@code DUEDATE_ is null or DUEDATE_ <= now})
 * every second or two on every node, and again whenever a step creates a job. Every open part keeps a supervision
 * timer due days ahead, so without an index on the due date each acquisition read the whole job table: with 30,000
 * open timers 10–17 ms of PostgreSQL time (0.02–0.2 ms with it), 0.9 s of the 3.4 s PostgreSQL spent delivering a
 * directive to 1,173 units.</li>
 * </ul>
 * Created after the engine made or checked its schema (Flyway's order against it is not fixed), with
 * {@code IF NOT EXISTS} on H2 and PostgreSQL alike; a node starting beside another may lose the race and finds it
 * made.
 */
@Slf4j
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String TASK_PARENT = "DUBAN_IDX_TASK_PARENT";
    static final String JOB_DUE = "DUBAN_IDX_JOB_DUE";

    private record Index(String name, String table, String column) {
    }

    private static final List<Index> INDEXES = List.of(new Index(TASK_PARENT, "ACT_RU_TASK", "PARENT_TASK_ID_"),
            new Index(JOB_DUE, "ACT_RU_JOB", "DUEDATE_"));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        for (Index index : INDEXES) {
            try {
                create(configuration, index);
            } catch (SQLException e) {
                // another node made it in the same moment; a missing index costs speed, never an answer
                log.warn("Index {} on the engine's {} not created now: {}", index.name(), index.table(), e.getMessage());
            }
        }
    }

    /** Creates every index that does not exist yet. */
    void create(ProcessEngineConfigurationImpl configuration) throws SQLException {
        for (Index index : INDEXES) {
            create(configuration, index);
        }
    }

    private void create(ProcessEngineConfigurationImpl configuration, Index index) throws SQLException {
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        String statement = "CREATE INDEX IF NOT EXISTS " + index.name() + " ON " + prefix + index.table() + "("
                + index.column() + ")";
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement create = connection.createStatement()) {
            create.execute(statement);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
