package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 主办汇总: the lead reads its co-unit's result in its own 办理 form before it submits (the brief is written again
 * when the co-unit reports), and the office reviews the lead's joint result with the co-unit's beside it.
 */
@DubanIntegrationTest
class JointSubmissionIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    WorkCalendar calendar;

    @Test
    void theLeadSeesTheCoUnitsResultBeforeItSubmitsAndTheOfficeSeesBoth() {
        ProcessDriver driver = new ProcessDriver(engine);
        ProcessInstance directive = driver.issue("leader", "kjj", "zdxq",
                calendar.plusWorkingDays(calendar.today(), 10).toString(), "none");
        String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
        ProcessInstance lead = driver.departmentWork(number, "kjj");
        ProcessInstance co = driver.departmentWork(number, "zdxq");
        driver.sign("kjj", lead);
        driver.sign("zdxq", co);
        assertThat(brief(lead)).contains("协办单位办理情况", "郑东新区管委会", "尚未反馈");

        Task coHandle = driver.task(co);
        Http.Response submitted = Http.basic(port, "zdxq", "demo").post("/engine-rest/task/" + coHandle.getId()
                + "/complete", """
                {"variables":{"outcome":{"value":"submit"},"resultSummary":{"value":"东区政务服务中心已完成数据对接"}}}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> brief(lead).contains("东区政务服务中心已完成数据对接"));
        assertThat(brief(lead)).contains("办结结果：东区政务服务中心已完成数据对接");

        // the lead quotes it in its joint result; the office's review shows the co-unit's result beside it
        driver.complete("kjj", lead, java.util.Map.of("outcome", "submit", "resultSummary",
                "市科技局牵头完成；郑东新区：东区政务服务中心已完成数据对接"));
        Task review = driver.task(lead);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewResult");
        String reviewBrief = (String) engine.getTaskService().getVariableLocal(review.getId(), "brief");
        assertThat(reviewBrief).contains("协办单位办理情况", "东区政务服务中心已完成数据对接", "市科技局牵头完成");
    }

    private String brief(ProcessInstance work) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(work.getId()).singleResult();
        return (String) engine.getTaskService().getVariableLocal(task.getId(), "brief");
    }
}
