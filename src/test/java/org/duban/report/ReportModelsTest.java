package org.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collection;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The report models as Modeler and the engine need them, and as the conventions of bpmn/ ask. */
class ReportModelsTest {

    @ParameterizedTest
    @EnumSource(ReportKind.class)
    void eachReportModelIsNamedDrawnAndTimedFromConfiguration(ReportKind kind) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/" + kind.processKey() + ".bpmn"));
        Process process = model.getModelElementsByType(Process.class).iterator().next();

        assertThat(process.getId()).isEqualTo(kind.processKey());
        assertThat(process.getName()).isEqualTo("督办" + kind.title());
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("retention comes from configuration").isNull();

        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        for (FlowNode node : nodes) {
            assertThat(node.getName()).as(node.getId()).isNotBlank().matches(".*\\p{IsHan}.*");
            assertThat(shapes).as("shape of " + node.getId()).anyMatch(s -> s.getBpmnElement() == node);
        }
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edges).as("edge of " + flow.getId()).anyMatch(e -> e.getBpmnElement() == flow);
            if (flow.getConditionExpression() != null) {
                assertThat(flow.getName()).as(flow.getId()).isNotBlank();
            }
        }

        StartEvent start = model.getModelElementsByType(StartEvent.class).iterator().next();
        TimerEventDefinition timer = (TimerEventDefinition) start.getEventDefinitions().iterator().next();
        assertThat(timer.getTimeCycle().getTextContent())
                .isEqualTo("${reportSchedule." + kind.key() + "Cron}");
    }
}
