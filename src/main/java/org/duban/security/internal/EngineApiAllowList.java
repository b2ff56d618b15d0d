package org.duban.security.internal;

import static org.duban.security.internal.Caller.Who.AUDITOR;
import static org.duban.security.internal.Caller.Who.DEPARTMENT;
import static org.duban.security.internal.Caller.Who.LEADER;
import static org.duban.security.internal.Caller.Who.SUPERVISOR;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.duban.security.internal.Caller.Who;
import org.duban.security.internal.EngineCall.Root;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What each role may call on the engine APIs ({@code /engine-rest} and the webapps' {@code /camunda/api}), for
 * everyone but admins, who may call everything. Anything not listed here is refused: a new Camunda endpoint stays
 * closed until someone decides a role needs it. Reads are what Tasklist and Cockpit call (recorded by driving them in
 * Chromium, {@code WebappsInBrowserIT}); what a person then sees is decided by the engine's authorizations. Writes are
 * only the steps of a person's own work; a write also passes its check ({@link Check}). Auditors never write.
 */
final class EngineApiAllowList {

    /** What a write must satisfy beyond the role; carried out by {@code EngineApiGuard}. */
    enum Check {
        NONE,
        /** The body's {@code userId} is the caller: a person claims only for themselves. */
        CLAIM_FOR_SELF,
        /** The body's {@code userId} is empty or a member of one of the caller's department groups. */
        WITHIN_OWN_DEPARTMENT,
        /** The body carries only the task's form inputs ({@code TaskContract}). */
        TASK_FORM_ONLY,
        /** The definition is {@code directive} and the body carries only its start form's inputs. */
        DIRECTIVE_START_FORM_ONLY
    }

    /** One entry: who may make which calls, and why they need them. */
    record Rule(Root root, Set<String> methods, PathPattern pattern, Set<Who> roles, boolean reads, Check check,
            String why) {

        boolean matches(EngineCall call) {
            return root == call.root() && methods.contains(call.method())
                    && pattern.matches(PathContainer.parsePath(call.path().isEmpty() ? "/" : call.path()));
        }
    }

    private static final Set<Who> EVERYONE = EnumSet.of(LEADER, SUPERVISOR, DEPARTMENT, AUDITOR);
    /** Cockpit users: leaders, the office and auditors (departments work in Tasklist only). */
    private static final Set<Who> COCKPIT = EnumSet.of(LEADER, SUPERVISOR, AUDITOR);
    /** Who works tasks: leaders (批示), the office (审核, 延期审批) and departments (签收, 办理). */
    private static final Set<Who> WORKERS = EnumSet.of(LEADER, SUPERVISOR, DEPARTMENT);
    private static final Set<Who> ISSUERS = EnumSet.of(LEADER, SUPERVISOR);

    static final List<Rule> RULES = new ArrayList<>();

    static {
        // ---- engine API: reads (GET, HEAD and OPTIONS; the engine's authorizations decide what each person sees)
        read(EVERYONE, "/", "the list of engines: every webapp asks for it on load");
        read(EVERYONE, "/version", "the engine version, shown by the webapps");
        read(EVERYONE, "/task/**", "Tasklist: task lists, a task, its form, deployed form, form variables, comments");
        read(EVERYONE, "/filter/**", "Tasklist: the filters a person may read");
        read(EVERYONE, "/process-definition/**", "Tasklist: the diagram and the start form; Cockpit: definitions");
        read(EVERYONE, "/history/**", "Tasklist: a task's history tab; Cockpit: history and the operation log");
        read(EVERYONE, "/user/**", "names of assignees and the person's own profile");
        read(EVERYONE, "/group/**", "names of candidate groups");
        read(EVERYONE, "/identity/groups", "the groups of a person, for Tasklist's filters");
        read(EVERYONE, "/identity/password-policy", "asked by Tasklist on load (answers 404 while no policy is set)");
        read(EVERYONE, "/authorization/check", "Tasklist asks whether the person may start processes and create "
                + "tasks (its 发起流程 and 新建任务 buttons); the answer is about the caller's own permissions only");
        read(COCKPIT, "/process-instance/**", "Cockpit: an instance, its activity instances and variables");
        read(COCKPIT, "/deployment/**", "Cockpit: deployments and their resources");
        read(COCKPIT, "/decision-definition/**", "Cockpit: decisions (the score table)");
        read(COCKPIT, "/decision-requirements-definition/**", "Cockpit: decision requirements");
        read(COCKPIT, "/case-definition/**", "Cockpit counts case definitions on its dashboard");
        read(COCKPIT, "/execution/**", "Cockpit: executions of an instance");
        read(COCKPIT, "/variable-instance/**", "Cockpit: an instance's variables tab");
        read(COCKPIT, "/event-subscription", "Cockpit: the message and timer events an instance waits for");
        read(COCKPIT, "/incident/**", "Cockpit: incidents");
        read(COCKPIT, "/job/**", "Cockpit: the jobs of an instance");
        read(COCKPIT, "/job-definition/**", "Cockpit: job definitions of a process");
        read(COCKPIT, "/external-task/**", "Cockpit: external tasks of an instance");
        read(COCKPIT, "/batch/**", "Cockpit: the batch statistics on its dashboard");

        // ---- engine API: queries sent as POST (they read, like the GET above)
        query(EVERYONE, "/task", "Tasklist: task lists with variable filters");
        query(EVERYONE, "/task/count", "Tasklist: task counts");
        query(EVERYONE, "/filter/{id}/list", "Tasklist: the tasks of a filter");
        query(EVERYONE, "/filter/{id}/count", "Tasklist: the count next to each filter");
        query(EVERYONE, "/filter/{id}/singleResult", "Tasklist: one task of a filter");
        query(EVERYONE, "/group", "Tasklist: the groups of the person");
        query(EVERYONE, "/group/count", "Tasklist: the groups of the person");
        query(COCKPIT, "/process-instance", "Cockpit: instance lists");
        query(COCKPIT, "/process-instance/count", "Cockpit: instance counts");
        query(COCKPIT, "/variable-instance", "Cockpit: an instance's variables tab");
        query(COCKPIT, "/variable-instance/count", "Cockpit: an instance's variables tab");
        query(COCKPIT, "/execution", "Cockpit: executions");
        query(COCKPIT, "/execution/count", "Cockpit: executions");
        query(COCKPIT, "/job", "Cockpit: jobs");
        query(COCKPIT, "/job/count", "Cockpit: jobs");
        query(COCKPIT, "/job-definition", "Cockpit: job definitions");
        query(COCKPIT, "/job-definition/count", "Cockpit: job definitions");
        query(COCKPIT, "/external-task", "Cockpit: external tasks");
        query(COCKPIT, "/external-task/count", "Cockpit: external tasks");
        for (String history : List.of("activity-instance", "case-instance", "external-task-log", "job-log",
                "process-instance", "task", "variable-instance")) {
            query(COCKPIT, "/history/" + history, "Cockpit: history of " + history.replace('-', ' '));
            query(COCKPIT, "/history/" + history + "/count", "Cockpit: history of " + history.replace('-', ' '));
        }
        query(COCKPIT, "/history/detail", "Cockpit: variable history of an instance");

        // ---- engine API: the writes of a person's own work (never for auditors)
        write(WORKERS, "POST", "/task/{id}/claim", Check.CLAIM_FOR_SELF,
                "take a task of one's group; for oneself only, never in another's name");
        write(WORKERS, "POST", "/task/{id}/unclaim", Check.NONE, "hand a claimed task back to the group");
        write(WORKERS, "POST", "/task/{id}/assignee", Check.WITHIN_OWN_DEPARTMENT,
                "pass a task to a colleague of one's own department");
        write(WORKERS, "POST", "/task/{id}/delegate", Check.WITHIN_OWN_DEPARTMENT,
                "ask a colleague of one's own department to prepare a task");
        write(WORKERS, "POST", "/task/{id}/complete", Check.TASK_FORM_ONLY, "complete a task with its form's inputs");
        write(WORKERS, "POST", "/task/{id}/submit-form", Check.TASK_FORM_ONLY,
                "Tasklist completes a task by submitting its form");
        write(WORKERS, "POST", "/task/{id}/resolve", Check.TASK_FORM_ONLY,
                "hand a delegated task back, with its form's inputs");
        write(WORKERS, "POST", "/task/{id}/comment/create", Check.NONE, "comment on one's task (Tasklist)");
        write(ISSUERS, "POST", "/process-definition/key/directive/start", Check.DIRECTIVE_START_FORM_ONLY,
                "issue a directive (leaders) or draft one (the office) with the start form's inputs");
        write(ISSUERS, "POST", "/process-definition/key/directive/submit-form", Check.DIRECTIVE_START_FORM_ONLY,
                "issue or draft a directive through its start form");
        write(ISSUERS, "POST", "/process-definition/{id}/start", Check.DIRECTIVE_START_FORM_ONLY,
                "issue or draft a directive, by definition id");
        write(ISSUERS, "POST", "/process-definition/{id}/submit-form", Check.DIRECTIVE_START_FORM_ONLY,
                "Tasklist's start dialog submits the directive's start form by definition id");

        // ---- the webapps' own APIs
        rule(Root.WEBAPP, Set.of("GET"), "/admin/auth/user/{engine}", EVERYONE, true, Check.NONE,
                "every webapp asks who is logged in");
        rule(Root.WEBAPP, Set.of("POST"), "/admin/auth/user/{engine}/logout", EVERYONE, true, Check.NONE,
                "the webapps' logout button (it ends the one login)");
        rule(Root.WEBAPP, Set.of("GET"), "/{app}/plugin/{plugin}/static/**", EVERYONE, true, Check.NONE,
                "the webapps' plugin scripts and styles");
        rule(Root.WEBAPP, Set.of("GET", "POST"), "/cockpit/plugin/base/{engine}/**", COCKPIT, true, Check.NONE,
                "Cockpit's own views, all read-only: statistics, instance lists, incidents, called instances");
    }

    private EngineApiAllowList() {
    }

    /** The rule that lets the caller make the call, or null: then the call is refused. */
    static Rule find(EngineCall call, Caller caller) {
        for (Rule rule : RULES) {
            if (rule.matches(call) && rule.roles().stream().anyMatch(caller::is)
                    && (rule.reads() || !caller.readsOnly())) {
                return rule;
            }
        }
        return null;
    }

    /** The step rule (a completion or a start, whose contract binds admins too) the call is, or null. */
    static Rule stepOf(EngineCall call) {
        for (Rule rule : RULES) {
            if (rule.matches(call) && (rule.check() == Check.TASK_FORM_ONLY
                    || rule.check() == Check.DIRECTIVE_START_FORM_ONLY)) {
                return rule;
            }
        }
        return null;
    }

    private static void read(Set<Who> roles, String pattern, String why) {
        rule(Root.ENGINE, Set.of("GET", "OPTIONS"), pattern, roles, true, Check.NONE, why);
    }

    private static void query(Set<Who> roles, String pattern, String why) {
        rule(Root.ENGINE, Set.of("POST"), pattern, roles, true, Check.NONE, why);
    }

    private static void write(Set<Who> roles, String method, String pattern, Check check, String why) {
        rule(Root.ENGINE, Set.of(method), pattern, roles, false, check, why);
    }

    private static void rule(Root root, Set<String> methods, String pattern, Set<Who> roles, boolean reads, Check check,
            String why) {
        RULES.add(new Rule(root, Set.copyOf(methods), PathPatternParser.defaultInstance.parse(pattern),
                Set.copyOf(roles), reads, check, why));
    }
}
