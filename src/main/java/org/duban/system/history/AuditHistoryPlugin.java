package org.duban.system.history;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Offers the engine {@link AuditHistoryLevel}, chosen in application.yaml ({@code camunda.bpm.history-level: duban};
 * {@code DUBAN_ENGINE_HISTORY=full} gives Camunda's FULL, e.g. to debug a model). A database created by an earlier Duban on a standard level is moved to the configured level
 * before the engine checks it: Camunda refuses to start when the stored level differs, though changing it only
 * changes what is written from then on.
 */
@Component
class AuditHistoryPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(AuditHistoryPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            custom.addAll(configuration.getCustomHistoryLevels());
        }
        custom.add(new AuditHistoryLevel());
        configuration.setCustomHistoryLevels(custom);
        // Camunda's own writer, less the rule tables a decision asked (RootDecisionHistory)
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new RootDecisionHistory());
        configuration.setCustomHistoryEventHandlers(handlers);
        // removal times are set when an instance starts, not rewritten into every history table when it ends
        // (sixteen UPDATEs per ended instance); the retention (duban.history.time-to-live) counts from the start
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_START);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        HistoryLevel configured = configuration.getHistoryLevel();
        DataSource dataSource = configuration.getDataSource();
        if (configured == null || dataSource == null) {
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        try {
            List<String> stored = jdbc.queryForList("SELECT VALUE_ FROM " + prefix + "ACT_GE_PROPERTY WHERE NAME_ = "
                    + "'historyLevel'", String.class);
            String wanted = Integer.toString(configured.getId());
            if (!stored.isEmpty() && !stored.get(0).equals(wanted)) {
                jdbc.update("UPDATE " + prefix + "ACT_GE_PROPERTY SET VALUE_ = ?, REV_ = REV_ + 1 WHERE NAME_ = "
                        + "'historyLevel'", wanted);
                LOG.info("Engine history level moved from {} to {} ({})", stored.get(0), wanted, configured.getName());
            }
        } catch (DataAccessException noSchemaYet) {
            // a new database: the engine creates its tables and stores the configured level itself
        }
    }
}
