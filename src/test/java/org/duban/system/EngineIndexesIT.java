package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.duban.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's tables carry Duban's indexes, on H2 and PostgreSQL: the task table for the sub-task look-up of every
 * completion, the job table for the job executor's look-up of due jobs.
 */
@DubanIntegrationTest
class EngineIndexesIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void theTaskTableIsIndexedByParentTask() throws Exception {
        assertThat(indexedColumns("ACT_RU_TASK", EngineIndexes.TASK_PARENT)).containsExactly("PARENT_TASK_ID_");
    }

    @Test
    void theJobTableIsIndexedByDueDate() throws Exception {
        assertThat(indexedColumns("ACT_RU_JOB", EngineIndexes.JOB_DUE)).containsExactly("DUEDATE_");
    }

    @Test
    void makingThemAgainChangesNothing() throws Exception {
        // a second node, or a restart, runs the same statement against the existing index
        new EngineIndexes().create(
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
        assertThat(indexedColumns("ACT_RU_TASK", EngineIndexes.TASK_PARENT)).containsExactly("PARENT_TASK_ID_");
        assertThat(indexedColumns("ACT_RU_JOB", EngineIndexes.JOB_DUE)).containsExactly("DUEDATE_");
    }

    private List<String> indexedColumns(String table, String index) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            // H2 keeps unquoted names in upper case, PostgreSQL in lower case
            for (String name : List.of(table, table.toLowerCase())) {
                try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
                    while (rows.next()) {
                        if (index.equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
                            columns.add(rows.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        return columns;
    }
}
