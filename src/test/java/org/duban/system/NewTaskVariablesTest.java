package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task's first variables, written as the engine creates it, without reading the variables a task not yet written
 * cannot have; a task that exists is read as before, so a variable is updated, never written twice.
 */
class NewTaskVariablesTest {

    private static final AtomicInteger reads = new AtomicInteger();
    private static ProcessEngine engine;

    /** Sets the brief twice as the task is created: the second value replaces the first in the same step. */
    public static class WriteBrief implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            task.setVariableLocal("brief", "first");
            task.setVariableLocal("brief", "在 " + task.getName() + " 时写下");
        }
    }

    /** The plugin under test, counting the reads it leaves to the engine. */
    static class Counting extends NewTaskVariables {
        @Override
        Manager manager() {
            return new Manager() {
                @Override
                List<VariableInstanceEntity> read(String taskId, Collection<String> variableNames) {
                    reads.incrementAndGet();
                    return super.read(taskId, variableNames);
                }
            };
        }
    }

    @BeforeAll
    static void engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("new-task-variables");
        configuration.setJdbcUrl("jdbc:h2:mem:new-task-variables;DB_CLOSE_DELAY=1000");
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.getProcessEnginePlugins().add(new Counting());
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("work.bpmn", Bpmn.createExecutableProcess("work")
                .camundaHistoryTimeToLive(1).startEvent().userTask("sign").name("签收")
                .camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE, WriteBrief.class.getName())
                .userTask("handle").name("办理")
                .camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE, WriteBrief.class.getName())
                .endEvent().done()).deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @BeforeEach
    void count() {
        reads.set(0);
    }

    @Test
    void aNewTasksVariablesAreWrittenWithoutReadingAnyFirst() {
        Task sign = open();
        assertThat(reads).hasValue(0);
        assertThat(engine.getTaskService().getVariablesLocal(sign.getId())).isEqualTo(Map.of("brief", "在 签收 时写下"));
        assertThat(rows(sign)).isEqualTo(1);
    }

    @Test
    void anExistingTasksVariablesAreReadAndUpdated() {
        Task sign = open();
        engine.getTaskService().setVariableLocal(sign.getId(), "brief", "改写");
        assertThat(reads.get()).isPositive();
        assertThat(engine.getTaskService().getVariableLocal(sign.getId(), "brief")).isEqualTo("改写");
        assertThat(rows(sign)).isEqualTo(1);
    }

    @Test
    void completingATaskReadsItsVariablesAndTheNextTaskGetsItsOwn() {
        Task sign = open();
        reads.set(0);
        engine.getTaskService().complete(sign.getId(), Map.of("outcome", "sign"));
        // the completed task's brief is read to be removed with it; the new task's is only written
        assertThat(reads).hasValue(1);
        Task handle = engine.getTaskService().createTaskQuery().processInstanceId(sign.getProcessInstanceId())
                .singleResult();
        assertThat(engine.getTaskService().getVariablesLocal(handle.getId())).isEqualTo(Map.of("brief", "在 办理 时写下"));
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().taskIdIn(sign.getId()).count()).isZero();
        assertThat(engine.getRuntimeService().getVariable(sign.getProcessInstanceId(), "outcome")).isEqualTo("sign");
    }

    private static Task open() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    }

    private static long rows(Task task) {
        return engine.getRuntimeService().createVariableInstanceQuery().taskIdIn(task.getId()).variableName("brief")
                .count();
    }
}
