package org.duban.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import lombok.extern.slf4j.Slf4j;

/**
 * Indexes the engine's own schema lacks for statements the engine runs on every step. Completing or deleting a task
 * looks for its sub-tasks ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), and Camunda ships no index
 * on that column: every one of the fifteen task completions of a closed loop read every open task. A district's
 * directive to its streets and communities leaves a thousand open 签收 tasks at once, so that scan grows with the
 * city's work. Created after the engine made or checked its schema (Flyway's order against it is not fixed), with
 * {@code IF NOT EXISTS} on H2 and PostgreSQL alike; a node starting beside another may lose the race and finds it
 * made.
 */
@Slf4j
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String TASK_PARENT = "DUBAN_IDX_TASK_PARENT";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try {
            create((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
        } catch (SQLException e) {
            // another node made it in the same moment; a missing index costs speed, never an answer
            log.warn("Index {} on the engine's task table not created now: {}", TASK_PARENT, e.getMessage());
        }
    }

    /** Creates the index unless it exists. */
    void create(ProcessEngineConfigurationImpl configuration) throws SQLException {
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        String statement = "CREATE INDEX IF NOT EXISTS " + TASK_PARENT + " ON " + prefix + "ACT_RU_TASK(PARENT_TASK_ID_)";
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement create = connection.createStatement()) {
            create.execute(statement);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
