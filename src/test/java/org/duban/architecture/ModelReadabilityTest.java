package org.duban.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The executable models read as pictures a supervision office can follow: every element is named in Chinese, one
 * id-prefix scheme across all models, a default flow on every deciding exclusive gateway, one gateway per decision,
 * a diagram for every element, and no label covering a box, a flow or another label. bpmnlint's recommended rules
 * run beside this in {@link BpmnLintTest}.
 */
class ModelReadabilityTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    static Stream<Path> bpmnModels() throws IOException {
        return models(".bpmn");
    }

    static Stream<Path> dmnModels() throws IOException {
        return models(".dmn");
    }

    private static Stream<Path> models(String extension) throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            found = files.filter(path -> path.toString().endsWith(extension)).sorted().toList();
        }
        assertThat(found).as("models in bpmn/ ending in " + extension).isNotEmpty();
        return found.stream();
    }

    @ParameterizedTest
    @MethodSource("bpmnModels")
    void everyElementHasAChineseName(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> unnamed = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            requireChinese(process.getId(), process.getName(), unnamed);
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            requireChinese(node.getId(), node.getName(), unnamed);
        }
        // a flow that carries a decision says which: conditional flows and default flows are named
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getConditionExpression() != null || isDefault(flow)) {
                requireChinese(flow.getId(), flow.getName(), unnamed);
            }
        }
        assertThat(unnamed).as(file + ": elements without a Chinese name").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnModels")
    void idsFollowOnePrefixScheme(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> wrong = new ArrayList<>();
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String expected = prefix(element);
            if (expected != null && !element.getId().startsWith(expected)) {
                wrong.add(element.getId() + " (" + element.getElementType().getTypeName() + ", expected " + expected + ")");
            }
        }
        assertThat(wrong).as(file + ": ids outside the scheme").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnModels")
    void everyDecidingExclusiveGatewayHasADefaultFlowAndEachDecisionOneGateway(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        Map<String, String> gatewayByName = new HashMap<>();
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() > 1) {
                if (gateway.getDefault() == null) {
                    problems.add(gateway.getId() + " has no default flow");
                }
                String scope = ((BaseElement) gateway.getParentElement()).getId();
                String other = gatewayByName.put(scope + "/" + gateway.getName(), gateway.getId());
                if (other != null) {
                    problems.add(other + " and " + gateway.getId() + " both decide “" + gateway.getName() + "”");
                }
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnModels")
    void everyElementIsDrawnAndNoLabelCoversAnything(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, Box> shapes = new HashMap<>();
        List<Box> labels = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            shapes.put(shape.getBpmnElement().getId(), Box.of(shape.getBounds(), shape.getBpmnElement().getId()));
            if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
                labels.add(Box.of(shape.getBpmnLabel().getBounds(), "label of " + shape.getBpmnElement().getId()));
            }
        }
        Map<String, List<Segment>> edges = new HashMap<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            List<Waypoint> points = List.copyOf(edge.getWaypoints());
            List<Segment> segments = new ArrayList<>();
            for (int i = 1; i < points.size(); i++) {
                segments.add(new Segment(points.get(i - 1).getX(), points.get(i - 1).getY(), points.get(i).getX(),
                        points.get(i).getY()));
            }
            edges.put(edge.getBpmnElement().getId(), segments);
            if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
                labels.add(Box.of(edge.getBpmnLabel().getBounds(), "label of " + edge.getBpmnElement().getId()));
            }
        }

        List<String> problems = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.containsKey(node.getId())) {
                problems.add(node.getId() + " is not drawn");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.containsKey(flow.getId())) {
                problems.add(flow.getId() + " is not drawn");
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            Box label = labels.get(i);
            for (Box shape : shapes.values()) {
                boolean container = model.getModelElementById(shape.name()) instanceof SubProcess;
                if (!container && label.overlaps(shape)) {
                    problems.add(label.name() + " covers " + shape.name());
                }
            }
            for (int j = i + 1; j < labels.size(); j++) {
                if (label.overlaps(labels.get(j))) {
                    problems.add(label.name() + " covers " + labels.get(j).name());
                }
            }
            for (Map.Entry<String, List<Segment>> edge : edges.entrySet()) {
                if (label.name().equals("label of " + edge.getKey())) {
                    continue;
                }
                for (Segment segment : edge.getValue()) {
                    if (label.crossedBy(segment)) {
                        problems.add(label.name() + " lies on flow " + edge.getKey());
                        break;
                    }
                }
            }
        }
        List<String> ids = new ArrayList<>(edges.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                for (Segment a : edges.get(ids.get(i))) {
                    for (Segment b : edges.get(ids.get(j))) {
                        if (a.runsAlong(b)) {
                            problems.add("flows " + ids.get(i) + " and " + ids.get(j) + " share a line");
                        }
                    }
                }
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dmnModels")
    void decisionsHaveADiagramAndChineseLabels(Path file) throws Exception {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        Set<String> drawn = drawnDecisions(file);
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            requireChinese(decision.getId(), decision.getName(), problems);
            if (!drawn.contains(decision.getId())) {
                problems.add(decision.getId() + " is not drawn");
            }
        }
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            for (Input input : table.getInputs()) {
                requireChinese(input.getId(), input.getLabel(), problems);
            }
            for (Output output : table.getOutputs()) {
                requireChinese(output.getId(), output.getLabel(), problems);
            }
            if (table.getRules().size() == 1 && table.getInputs().size() == 1
                    && "-".equals(table.getRules().iterator().next().getInputEntries().iterator().next().getTextContent().strip())) {
                problems.add(table.getId() + " is a pass-through table (one rule matching anything)");
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    /** The ids DMNDI shapes refer to (Camunda's DMN model API does not read DMNDI, so the XML is read directly). */
    private static Set<String> drawnDecisions(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList shapes = factory.newDocumentBuilder().parse(file.toFile())
                .getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < shapes.getLength(); i++) {
            Element shape = (Element) shapes.item(i);
            ids.add(shape.getAttribute("dmnElementRef").replaceFirst("^#", ""));
        }
        return ids;
    }

    private static void requireChinese(String id, String name, List<String> problems) {
        if (name == null || !CHINESE.matcher(name).find() || LATIN.matcher(name).find()) {
            problems.add(id + (name == null ? " (no name)" : " (“" + name + "”)"));
        }
    }

    private static boolean isDefault(SequenceFlow flow) {
        return flow.getSource() instanceof Gateway gateway && gateway instanceof ExclusiveGateway exclusive
                && exclusive.getDefault() == flow;
    }

    /** The one scheme: what an element is says how its id begins. Null: no rule for that element. */
    private static String prefix(BaseElement element) {
        if (element instanceof Process) {
            return null; // the process id is its key
        }
        if (element instanceof Event event) {
            if (timer(event)) {
                return "Timer_";
            }
            return event instanceof StartEvent ? "Start_" : event instanceof EndEvent ? "End_"
                    : event instanceof BoundaryEvent ? "Boundary_" : "Event_";
        }
        if (element instanceof SubProcess) {
            return "SubProcess_";
        }
        if (element instanceof Task) {
            return "Task_";
        }
        if (element instanceof Gateway) {
            return "Gateway_";
        }
        if (element instanceof SequenceFlow) {
            return "Flow_";
        }
        if (element instanceof Message) {
            return "Message_";
        }
        if (element instanceof EventDefinition) {
            return "Definition_";
        }
        return null;
    }

    private static boolean timer(Event event) {
        return event.getChildElementsByType(TimerEventDefinition.class).size() > 0;
    }

    private record Box(double x, double y, double width, double height, String name) {

        static Box of(Bounds bounds, String name) {
            return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight(), name);
        }

        boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }

        /** Whether an axis-parallel segment passes through the label's inside (touching its border does not count). */
        boolean crossedBy(Segment s) {
            if (s.y1() == s.y2()) {
                return s.y1() > y && s.y1() < y + height && Math.max(s.x1(), s.x2()) > x && Math.min(s.x1(), s.x2()) < x + width;
            }
            if (s.x1() == s.x2()) {
                return s.x1() > x && s.x1() < x + width && Math.max(s.y1(), s.y2()) > y && Math.min(s.y1(), s.y2()) < y + height;
            }
            return false;
        }
    }

    private record Segment(double x1, double y1, double x2, double y2) {

        /** Two segments on one horizontal or vertical line overlapping by more than a point. */
        boolean runsAlong(Segment o) {
            if (y1 == y2 && o.y1 == o.y2 && y1 == o.y1) {
                return Math.min(Math.max(x1, x2), Math.max(o.x1, o.x2)) - Math.max(Math.min(x1, x2), Math.min(o.x1, o.x2)) > 1;
            }
            if (x1 == x2 && o.x1 == o.x2 && x1 == o.x1) {
                return Math.min(Math.max(y1, y2), Math.max(o.y1, o.y2)) - Math.max(Math.min(y1, y2), Math.min(o.y1, o.y2)) > 1;
            }
            return false;
        }
    }
}
