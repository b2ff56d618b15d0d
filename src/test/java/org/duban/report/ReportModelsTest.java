package org.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

/** The one report model: a daily timer from configuration, a start for missed days, one report of each kind due. */
class ReportModelsTest {

    static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("bpmn/periodic-report.bpmn"));

    @Test
    void oneModelProducesEveryKindOfReport() {
        Process process = MODEL.getModelElementsByType(Process.class).iterator().next();
        assertThat(process.getId()).isEqualTo(ReportKind.PROCESS);
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("retention comes from configuration").isNull();
        StartEvent timer = MODEL.getModelElementById("Timer_Reports");
        TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
        assertThat(definition.getTimeCycle().getTextContent()).isEqualTo("${reportSchedule.cron}");
        assertThat(MODEL.getModelElementsByType(MultiInstanceLoopCharacteristics.class)).singleElement()
                .satisfies(mi -> assertThat(mi.getCamundaCollection()).isEqualTo("${reportPlan.dueKinds(execution)}"));
    }
}
