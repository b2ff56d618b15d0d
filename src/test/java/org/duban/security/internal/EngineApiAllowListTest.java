package org.duban.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.duban.security.internal.EngineApiAllowList.Check;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The allow-list as a table: who may make which call (before the checks of writes). */
class EngineApiAllowListTest {

    private static final Caller KJJ = new Caller("kjj", Set.of("dept-kjj"), Set.of(Caller.Who.DEPARTMENT));
    private static final Caller LEADER = new Caller("leader", Set.of("leaders", "dept-swbgt"),
            Set.of(Caller.Who.LEADER, Caller.Who.DEPARTMENT));
    private static final Caller SUPERVISOR = new Caller("supervisor", Set.of("supervisors", "dept-dcs"),
            Set.of(Caller.Who.SUPERVISOR, Caller.Who.DEPARTMENT));
    private static final Caller AUDITOR = new Caller("auditor", Set.of("auditors", "dept-sjj"),
            Set.of(Caller.Who.AUDITOR, Caller.Who.DEPARTMENT));

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            // reads Tasklist makes, for everyone
            "kjj|GET|/engine-rest/task/1/form-variables|NONE",
            "kjj|POST|/camunda/api/engine/engine/default/filter/f/list|NONE",
            "auditor|GET|/engine-rest/engine/default/history/user-operation|NONE",
            "kjj|GET|/camunda/api/engine/engine/|NONE",
            "kjj|HEAD|/engine-rest/task|NONE",
            // Cockpit is for leaders, the office and auditors
            "auditor|POST|/camunda/api/cockpit/plugin/base/default/process-instance/count|NONE",
            "kjj|POST|/camunda/api/cockpit/plugin/base/default/process-instance/count|REFUSED",
            "kjj|GET|/engine-rest/process-instance|REFUSED",
            "leader|GET|/engine-rest/job-definition|NONE",
            // the writes of one's own work, with their checks
            "kjj|POST|/engine-rest/task/1/claim|CLAIM_FOR_SELF",
            "kjj|POST|/engine-rest/task/1/assignee|WITHIN_OWN_DEPARTMENT",
            "kjj|POST|/engine-rest/task/1/complete/|TASK_FORM_ONLY",
            "kjj|POST|/camunda/api/engine/engine/default/task/1/submit-form|TASK_FORM_ONLY",
            "kjj|POST|/engine-rest/task/1/comment/create|NONE",
            "supervisor|POST|/engine-rest/process-definition/key/directive/start|DIRECTIVE_START_FORM_ONLY",
            "leader|POST|/camunda/api/engine/engine/default/process-definition/directive:1:x/submit-form|DIRECTIVE_START_FORM_ONLY",
            // never a department's start, never another process by key
            "kjj|POST|/engine-rest/process-definition/key/directive/start|REFUSED",
            "leader|POST|/engine-rest/process-definition/key/daily-report/start|REFUSED",
            "leader|POST|/engine-rest/process-definition/key/directive/tenant-id/t/start|REFUSED",
            // auditors read only
            "auditor|POST|/engine-rest/task/1/comment/create|REFUSED",
            "auditor|POST|/engine-rest/task/1/claim|REFUSED",
            "auditor|POST|/engine-rest/task/1/complete|REFUSED",
            "auditor|POST|/engine-rest/task|NONE",
            // everything else, for everyone but admins
            "leader|PUT|/engine-rest/task/1/variables/urgeCount|REFUSED",
            "leader|POST|/engine-rest/task/1/localVariables|REFUSED",
            "leader|DELETE|/engine-rest/process-instance/1/variables/deadline|REFUSED",
            "leader|POST|/engine-rest/execution/1/localVariables|REFUSED",
            "supervisor|POST|/engine-rest/process-instance/1/modification|REFUSED",
            "supervisor|POST|/engine-rest/message|REFUSED",
            "supervisor|POST|/engine-rest/signal|REFUSED",
            "supervisor|POST|/engine-rest/task/create|REFUSED",
            "supervisor|PUT|/engine-rest/task/1|REFUSED",
            "supervisor|POST|/engine-rest/task/1/identity-links|REFUSED",
            "supervisor|POST|/engine-rest/task/1/attachment/create|REFUSED",
            "supervisor|PUT|/engine-rest/job/1/duedate|REFUSED",
            "supervisor|POST|/engine-rest/job/1/execute|REFUSED",
            "supervisor|PUT|/engine-rest/job-definition/1/suspended|REFUSED",
            "supervisor|POST|/engine-rest/history/cleanup|REFUSED",
            "supervisor|DELETE|/engine-rest/deployment/1|REFUSED",
            "supervisor|POST|/engine-rest/identity/verify|REFUSED",
            "supervisor|POST|/engine-rest/user/create|REFUSED",
            "supervisor|PUT|/engine-rest/user/supervisor/credentials|REFUSED",
            "supervisor|POST|/engine-rest/authorization/create|REFUSED",
            "supervisor|GET|/engine-rest/metrics|REFUSED",
            "supervisor|GET|/engine-rest/optimize/process-definition|REFUSED",
            "supervisor|POST|/engine-rest/decision-definition/key/department-score/evaluate|REFUSED",
            "supervisor|POST|/engine-rest/condition|REFUSED",
            "supervisor|POST|/engine-rest/external-task/fetchAndLock|REFUSED",
            "supervisor|POST|/camunda/api/admin/auth/user/default/login/cockpit|REFUSED",
            "leader|GET|/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated|REFUSED",
            "leader|POST|/camunda/api/admin/auth/user/default/logout|NONE"})
    void theTableAllowsWhatEachRoleNeedsAndNothingElse(String who, String method, String path, String expected) {
        Caller caller = switch (who) {
            case "kjj" -> KJJ;
            case "leader" -> LEADER;
            case "supervisor" -> SUPERVISOR;
            default -> AUDITOR;
        };
        EngineApiAllowList.Rule rule = EngineApiAllowList.find(call(method, path), caller);
        if (expected.equals("REFUSED")) {
            assertThat(rule).as("refused").isNull();
        } else {
            assertThat(rule).as("allowed").isNotNull();
            assertThat(rule.check()).isEqualTo(Check.valueOf(expected));
        }
    }

    @ParameterizedTest
    @CsvSource({"/engine-rest/task/1/complete", "/engine-rest/engine/default/process-definition/key/directive/submit-form",
            "/camunda/api/engine/engine/default/task/1/resolve"})
    void stepsBindAdminsToo(String path) {
        assertThat(EngineApiAllowList.stepOf(call("POST", path))).isNotNull();
        assertThat(EngineApiAllowList.stepOf(call("POST", "/engine-rest/task/1/claim"))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/engine-rest/engine/default/task/1/complete|/task/1/complete",
            "/engine-rest/task/1/complete/|/task/1/complete", "/engine-rest/engine|''", "/engine-rest|''",
            "/camunda/api/engine/engine/default/task|/task", "/camunda/api/engine/engine/|''"})
    void callsAreReadAsTheResourcesMatchThem(String path, String expected) {
        assertThat(call("POST", path).path()).isEqualTo(expected);
    }

    /** Every entry says why a role needs it. */
    @org.junit.jupiter.api.Test
    void everyEntryHasItsReason() {
        assertThat(EngineApiAllowList.RULES).isNotEmpty().allSatisfy(rule -> assertThat(rule.why()).hasSizeGreaterThan(10));
    }

    /** The guard reads servlet path and path info together, as the container decoded them. */
    private static EngineCall call(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return EngineCall.of((HttpServletRequest) request);
    }
}
