package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.directive.DirectiveVariables.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.duban.support.ProcessDriver;
import org.duban.support.TwentyUnits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Twenty departments of one directive submit at the same moment, and the office accepts all twenty
 * at the same moment, through the same engine API that /engine-rest and Tasklist call: every
 * completion counts, none fails, and the directive closes (the join runs in jobs, which the job
 * executor retries on conflicts, not in the people's requests).
 */
@SpringBootTest(properties = TwentyUnits.ORGANISATION)
@Tag("database")
class ConcurrentCompletionsIT {

    private static final int DEPARTMENTS = TwentyUnits.COUNT;

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentyDepartmentsAtOnce() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        List<String> codes = TwentyUnits.codes();
        String instance = TwentyUnits.issueToAll(driver);
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getBusinessKey();
        for (String code : codes) {
            driver.sign(code, driver.departmentWork(number, code));
        }

        List<String> submitted = atTheSameMoment(i -> {
            String code = codes.get(i);
            Task task = driver.task(driver.departmentWork(number, code));
            return () -> driver.as(code, () -> {
                engine.getTaskService().complete(task.getId(), Map.of(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "完成"));
                return "ok";
            });
        });
        assertThat(submitted).containsOnly("ok").hasSize(DEPARTMENTS);

        List<Task> reviews = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_ReviewResult").list();
        assertThat(reviews).hasSize(DEPARTMENTS);
        List<String> accepted = atTheSameMoment(i -> () -> driver.as("supervisor", () -> {
            engine.getTaskService().complete(reviews.get(i).getId(), Map.of(ACCEPTED, true, QUALITY_RATING, 4));
            return "ok";
        }));
        assertThat(accepted).containsOnly("ok").hasSize(DEPARTMENTS);

        await().atMost(Duration.ofSeconds(90)).until(() -> "CLOSED".equals(
                jdbc.queryForObject("SELECT status FROM directive WHERE number = ?", String.class, number)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directive_department WHERE directive_number = ? AND status = 'DONE'",
                Integer.class, number)).isEqualTo(DEPARTMENTS);
        assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();
    }

    /** Prepares one call per department, then releases them together; a failed call fails the test. */
    private List<String> atTheSameMoment(java.util.function.IntFunction<Callable<String>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(DEPARTMENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < DEPARTMENTS; i++) {
                Callable<String> call = calls.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }
}
