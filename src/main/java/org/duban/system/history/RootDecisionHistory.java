package org.duban.system.history;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * Camunda's history writer, keeping of a decision's evaluation only the decision that was asked (engine SPI, kept
 * to this package). department-score asks seven rule tables, one per component; FULL stores an instance of each,
 * with its inputs and outputs — some twenty rows per scored part. The asked decision's own result already holds
 * the total, the weight and every component (Cockpit shows it as 单位绩效评分), and the facts each component was
 * decided on are in the hash-chained score explanation of the audit trail, with their Chinese labels.
 */
final class RootDecisionHistory extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            evaluation.setRequiredHistoricDecisionInstances(List.of());
        }
        super.handleEvent(event);
    }
}
