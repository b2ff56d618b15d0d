package org.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every Tasklist, Cockpit, Admin and Welcome page each role opens, in a real headless Chromium
 * whose language is Chinese and, in a second run, English (UI language and Accept-Language): the
 * rendered text (and the placeholders and tooltips in sight) holds no Latin word but names and
 * identifiers (see {@link LatinWords}). Words of the lead's models and data are listed in
 * {@code target/screenshots/webapps-model-words.txt} instead of failing. Along the way: Camunda
 * Forms' validation messages and date picker, the toast of a refused completion, the Camunda 8
 * banner, and which navbar actions each role gets. Screenshots of every page land in
 * {@code target/screenshots/}.
 */
// the driver runs the asynchronous steps itself; nothing the pages do needs the job executor
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappsInChineseIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String COCKPIT = "/camunda/app/cockpit/default/#";
    private static final String ADMIN = "/camunda/app/admin/default/#";
    private static final String WELCOME = "/camunda/app/welcome/default/";

    /** The visible text of the page, with the placeholders, tooltips and button values in sight. */
    private static final String VISIBLE_TEXT = """
            const seen = e => e.getClientRects().length > 0;
            let text = document.body.innerText;
            document.querySelectorAll('[placeholder], [title], input[type=button], input[type=submit]').forEach(e => {
              if (seen(e)) {
                text += '\\n' + (e.getAttribute('placeholder') || '') + '\\n' + (e.getAttribute('title') || '')
                    + '\\n' + (e.type === 'button' || e.type === 'submit' ? e.value : '');
              }
            });
            return text;
            """;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    WorkCalendar calendar;

    ProcessDriver driver;
    LocalDate deadline;
    ProcessInstance toSign;
    ProcessInstance toHandle;
    ProcessInstance toReview;
    ProcessInstance draft;
    ProcessInstance closed;
    LatinWords words;

    /** Model words per page, for the lead; written once all runs are done. */
    final Map<String, TreeSet<String>> modelWords = new ConcurrentHashMap<>();

    @BeforeAll
    void directivesInEveryStep() throws IOException {
        // this run's screenshots only
        if (Files.isDirectory(Browser.SCREENSHOTS)) {
            try (var old = Files.list(Browser.SCREENSHOTS)) {
                for (Path file : old.filter(f -> f.getFileName().toString().startsWith("webapps-")).toList()) {
                    Files.delete(file);
                }
            }
        }
        driver = new ProcessDriver(engine);
        deadline = calendar.plusWorkingDays(calendar.today(), 10);
        toSign = driver.issue("leader", "kjj", "zdxq", deadline.toString(), "weekly");
        ProcessInstance handled = driver.issue("leader", "kjj", "", deadline.toString(), "none");
        toHandle = driver.departmentWork(number(handled), "kjj");
        driver.sign("kjj", toHandle);
        ProcessInstance reviewed = driver.issue("leader", "kjj", "", deadline.toString(), "none");
        toReview = driver.departmentWork(number(reviewed), "kjj");
        driver.sign("kjj", toReview);
        driver.submit("kjj", toReview);
        ProcessInstance done = driver.issue("leader", "kjj", "", deadline.toString(), "none");
        closed = driver.departmentWork(number(done), "kjj");
        driver.sign("kjj", closed);
        driver.submit("kjj", closed);
        driver.accept(closed, 5);
        draft = driver.issue("supervisor", "kjj", "", deadline.toString(), "none");
        words = LatinWords.of(engine);
    }

    @AfterAll
    void reportModelWords() throws IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        List<String> lines = new ArrayList<>(List.of(
                "Latin words of the models and their data (BPMN/DMN/form texts and ids, variable names and values)",
                "seen on the webapp pages; the pages' own text is Chinese. Page: words", ""));
        new TreeMap<>(modelWords).forEach((page, found) -> lines.add(page + ": " + String.join(" ", found)));
        Files.write(Browser.SCREENSHOTS.resolve("webapps-model-words.txt"), lines);
    }

    @ParameterizedTest(name = "browser in {0}")
    @ValueSource(strings = {"zh-CN", "en-US"})
    void aDepartmentWorksInChinese(String language) {
        try (Visit visit = new Visit(language, "kjj")) {
            Browser browser = visit.browser;
            browser.open(TASKLIST);
            browser.until(d -> present(browser, ".tasks-list .task") && checkedActions(browser));
            assertThat(visible(browser, ".start-process-action")).as("发起流程 for a department").isFalse();
            assertThat(visible(browser, ".create-task-action")).as("新建任务 for a department").isFalse();
            visit.look("tasklist");

            openTask(browser, task(driver.departmentWork(number(toSign), "kjj")));
            visit.look("sign-form");

            // 办理: ask for an extension without filling anything in
            openTask(browser, task(toHandle));
            claimIfCandidate(browser);
            browser.click(By.xpath("//label[normalize-space()='延期申请']"));
            browser.click(By.xpath("//button[normalize-space()='完成']"));
            browser.until(d -> present(browser, ".fjs-form-field-error"));
            assertThat(texts(browser, ".fjs-form-field-error")).isNotEmpty().allMatch("此项为必填项。"::equals);
            visit.look("handle-form-required");

            // the date picker: Chinese month and weekdays, Monday first, yyyy-MM-dd
            WebElement date = browser.find(By.cssSelector(".fjs-datepicker input"));
            assertThat(date.getAttribute("placeholder")).isEqualTo("年-月-日");
            browser.click(By.cssSelector(".fjs-datepicker input"));
            browser.until(d -> visible(browser, ".flatpickr-calendar.open"));
            assertThat(String.join("", texts(browser, ".flatpickr-calendar.open .flatpickr-weekday")))
                    .isEqualTo("一二三四五六日");
            WebElement month = browser.find(By.cssSelector(".flatpickr-calendar.open .flatpickr-current-month"));
            assertThat(month.findElement(By.cssSelector(".cur-year")).getAttribute("value"))
                    .isEqualTo(String.valueOf(calendar.today().getYear()));
            // the month is a drop-down of twelve: the chosen one is what a person reads
            assertThat((String) browser.script("const s = arguments[0].querySelector('select');"
                    + "return s ? s.options[s.selectedIndex].text : arguments[0].querySelector('.cur-month').textContent;",
                    month)).matches("\\s*\\d{1,2}月\\s*");
            assertThat((String) browser.script("return getComputedStyle(arguments[0], '::before').content;", month))
                    .isEqualTo("\"年\"");
            visit.look("handle-date-picker");

            // a date the office would refuse: before the current deadline
            String tooEarly = deadline.minusDays(1).toString();
            browser.find(By.cssSelector(".fjs-datepicker input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), tooEarly, Keys.ENTER);
            browser.until(d -> tooEarly.equals(browser.script("return document.querySelector('.fjs-datepicker input').value;")));
            browser.find(By.xpath("//label[contains(normalize-space(),'延期理由')]/following::textarea[1]"))
                    .sendKeys("需要与协办单位协调。");
            browser.click(By.xpath("//button[normalize-space()='完成']"));
            browser.until(d -> texts(browser, ".page-notifications .alert .message").stream().anyMatch(m -> !m.isBlank()));
            // the first 完成 (with the form's own errors) left a message with no reason; this one has the office's
            assertThat(texts(browser, ".page-notifications .alert .status")).containsOnly("提交任务表单时发生错误");
            assertThat(texts(browser, ".page-notifications .alert .message").stream().filter(m -> !m.isBlank()).toList())
                    .singleElement().asString().doesNotContain("Cannot submit").doesNotContain(task(toHandle).getId());
            assertThat(overlap(browser, ".page-notifications .alert", "//button[normalize-space()='完成']"))
                    .as("the message leaves 完成 free").isFalse();
            visit.look("handle-refused");

            for (String tab : List.of("历史", "流程图", "描述")) {
                browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='" + tab + "']"));
                visit.look("handle-tab-" + tab);
            }
            visit.welcome();
        }
    }

    @ParameterizedTest(name = "browser in {0}")
    @ValueSource(strings = {"zh-CN", "en-US"})
    void aLeaderWorksInChinese(String language) {
        try (Visit visit = new Visit(language, "leader")) {
            Browser browser = visit.browser;
            browser.open(TASKLIST);
            browser.until(d -> checkedActions(browser));
            assertThat(visible(browser, ".start-process-action")).as("发起流程 for a leader").isTrue();
            assertThat(visible(browser, ".create-task-action")).as("新建任务 for a leader").isFalse();
            visit.look("tasklist");

            openTask(browser, task(draft));
            visit.look("approve-form");

            browser.click(By.cssSelector(".start-process-action a"));
            browser.click(By.xpath("//div[contains(@class,'modal')]//a[contains(normalize-space(),'督办事项')]"));
            browser.find(By.cssSelector(".modal .fjs-form"));
            visit.look("start-form");
            browser.click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='发起']"));
            browser.until(d -> present(browser, ".modal .fjs-form-field-error"));
            assertThat(texts(browser, ".modal .fjs-form-field-error")).isNotEmpty().allMatch("此项为必填项。"::equals);
            visit.look("start-form-required");
            // the selects are searchable: a person types in them and picks from the list
            browser.click(By.xpath("//div[contains(@class,'modal')]//div[contains(@class,'fjs-form-field')]"
                    + "[.//label[contains(normalize-space(),'主办单位')]]//input"));
            browser.until(d -> visible(browser, ".modal .fjs-dropdownlist"));
            assertThat(browser.find(By.xpath("//div[contains(@class,'modal')]//div[contains(@class,'fjs-form-field')]"
                    + "[.//label[contains(normalize-space(),'主办单位')]]//input")).getAttribute("placeholder"))
                    .isEqualTo("搜索");
            visit.look("start-form-select");
            browser.click(By.cssSelector(".modal .fjs-datepicker input"));
            browser.until(d -> visible(browser, ".flatpickr-calendar.open"));
            visit.look("start-form-date-picker");

            cockpit(visit);
            visit.welcome();
        }
    }

    @ParameterizedTest(name = "browser in {0}")
    @ValueSource(strings = {"zh-CN", "en-US"})
    void theSupervisionOfficeWorksInChinese(String language) {
        try (Visit visit = new Visit(language, "supervisor")) {
            Browser browser = visit.browser;
            browser.open(TASKLIST);
            browser.until(d -> checkedActions(browser));
            assertThat(visible(browser, ".start-process-action")).as("发起流程 for the office").isTrue();
            assertThat(visible(browser, ".create-task-action")).as("新建任务 for the office").isFalse();
            visit.look("tasklist");

            openTask(browser, task(toReview));
            claimIfCandidate(browser);
            // accepted without a quality rating: the form asks for one
            browser.click(By.xpath("//label[normalize-space()='审核通过']"));
            browser.find(By.xpath("//label[contains(normalize-space(),'办理质量评定')]"));
            browser.click(By.xpath("//button[normalize-space()='完成']"));
            browser.until(d -> texts(browser, ".fjs-form-field-error").contains("此项为必填项。"));
            visit.look("review-form-rating-required");

            browser.open(COCKPIT + "/dashboard");
            visit.look("cockpit-dashboard");
            browser.open(COCKPIT + "/process-instance/" + toReview.getId() + "/runtime");
            visit.lookAtTabs("cockpit-review-instance", "svg");
            visit.welcome();
        }
    }

    @ParameterizedTest(name = "browser in {0}")
    @ValueSource(strings = {"zh-CN", "en-US"})
    void anAuditorReadsCockpitInChinese(String language) {
        try (Visit visit = new Visit(language, "auditor")) {
            cockpit(visit);
            visit.welcome();
        }
    }

    @ParameterizedTest(name = "browser in {0}")
    @ValueSource(strings = {"zh-CN", "en-US"})
    void anAdministratorWorksInChinese(String language) {
        try (Visit visit = new Visit(language, "admin")) {
            Browser browser = visit.browser;
            for (String page : List.of("/users", "/users/kjj?tab=profile", "/users/kjj?tab=account",
                    "/users/kjj?tab=groups", "/users/kjj?tab=tenants", "/groups", "/groups/leaders?tab=group",
                    "/groups/leaders?tab=users", "/authorization?resource=0", "/authorization?resource=6",
                    "/authorization?resource=7", "/tenants", "/system?section=system-settings-general",
                    "/system?section=system-settings-metrics", "/system?section=system-settings-diagnostics")) {
                browser.open(ADMIN + page);
                // a new query on the same route keeps the old page until Admin has reloaded: load it afresh
                browser.driver().navigate().refresh();
                browser.until(d -> present(browser, ".ctn-main, .section-content, table"));
                visit.look("admin" + page.replaceAll("[/?=&]+", "-"));
            }
            browser.open(TASKLIST);
            browser.until(d -> checkedActions(browser));
            assertThat(visible(browser, ".create-task-action")).as("新建任务 for an administrator").isTrue();
            assertThat(visible(browser, ".start-process-action")).as("发起流程 for an administrator").isTrue();
            visit.look("tasklist");
            visit.welcome();
        }
    }

    /** The Cockpit pages of leaders, the office and auditors. */
    private void cockpit(Visit visit) {
        Browser browser = visit.browser;
        String definition = toSign.getProcessDefinitionId();
        String decision = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("department-score").latestVersion().singleResult().getId();
        browser.open(COCKPIT + "/dashboard");
        visit.look("cockpit-dashboard");
        browser.open(COCKPIT + "/processes");
        browser.until(d -> present(browser, "table tbody tr"));
        visit.look("cockpit-processes");
        browser.open(COCKPIT + "/process-definition/" + definition + "/runtime");
        visit.lookAtTabs("cockpit-directive-definition", "svg");
        browser.open(COCKPIT + "/process-instance/" + toSign.getId() + "/runtime");
        visit.lookAtTabs("cockpit-directive-instance", "svg");
        browser.open(COCKPIT + "/process-definition/" + toHandle.getProcessDefinitionId() + "/runtime");
        visit.lookAtTabs("cockpit-work-definition", "svg");
        browser.open(COCKPIT + "/process-instance/" + toHandle.getId() + "/runtime");
        visit.lookAtTabs("cockpit-work-instance", "svg");
        browser.open(COCKPIT + "/decisions");
        browser.until(d -> present(browser, "table tbody tr"));
        visit.look("cockpit-decisions");
        // the score is a literal expression over its decision tables: either view will do
        browser.open(COCKPIT + "/decision-definition/" + decision);
        browser.until(d -> present(browser, ".tjs-container, .dmn-literal-expression-container"));
        visit.look("cockpit-decision-definition");
        String decisionInstance = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionId(decision).list().get(0).getId();
        browser.open(COCKPIT + "/decision-instance/" + decisionInstance);
        browser.until(d -> present(browser, ".tjs-container, .dmn-literal-expression-container"));
        visit.look("cockpit-decision-instance");
        browser.open(COCKPIT + "/tasks");
        visit.look("cockpit-human-tasks");
        browser.open(COCKPIT + "/batch");
        visit.look("cockpit-batches");
        browser.open(COCKPIT + "/repository");
        visit.look("cockpit-deployments");
    }

    /** One person's browser in one language, and what the pages showed. */
    private final class Visit implements AutoCloseable {

        final Browser browser;
        final String language;
        final String user;
        final List<String> english = new ArrayList<>();
        int pages;

        Visit(String language, String user) {
            this.language = language;
            this.user = user;
            this.browser = new Browser(port, language);
            browser.logIn(user);
        }

        /** Waits for the rendered page, then reads it as the person sees it. */
        void look(String page) {
            browser.settle();
            String name = String.format("webapps-%s-%s-%02d-%s", language, user, ++pages, page);
            browser.screenshot(name);
            assertThat(visible(browser, ".ce-eol-banner")).as(name + ": Camunda 8 banner").isFalse();
            LatinWords.Found found = words.in((String) browser.script(VISIBLE_TEXT));
            found.chrome().forEach((word, context) -> english.add(name + ": " + word + "   …" + context + "…"));
            if (!found.model().isEmpty()) {
                modelWords.computeIfAbsent(user + " " + page, key -> new TreeSet<>()).addAll(found.model());
            }
        }

        /** A Cockpit definition or instance page and each of its detail tabs. */
        void lookAtTabs(String page, String rendered) {
            browser.until(d -> present(browser, rendered));
            look(page);
            List<String> tabs = texts(browser, ".ctn-tabbed .nav-tabs > li > a");
            assertThat(tabs).as(page + " has detail tabs").isNotEmpty();
            for (String tab : tabs) {
                browser.click(By.xpath("//div[contains(@class,'ctn-tabbed')]//ul[contains(@class,'nav-tabs')]"
                        + "/li/a[normalize-space()='" + tab + "']"));
                look(page + "-" + tab);
            }
        }

        /** Camunda's Welcome app, where the header's 个人资料 leads: the page and its two profile forms. */
        void welcome() {
            browser.open(WELCOME);
            browser.until(d -> present(browser, ".welcome-page .webapps"));
            look("welcome");
            for (String form : List.of("编辑个人资料", "修改密码")) {
                browser.open(WELCOME);
                browser.click(By.xpath("//a[normalize-space()='" + form + "']"));
                browser.until(d -> present(browser, ".welcome-page form"));
                look("welcome-" + form);
            }
        }

        @Override
        public void close() {
            browser.close();
            assertThat(english).as("English on the pages of " + user + " in a " + language + " browser").isEmpty();
        }
    }

    private Task task(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void openTask(Browser browser, Task task) {
        browser.open(TASKLIST + "#/?task=" + task.getId());
        browser.find(By.cssSelector(".task-details .fjs-form"));
    }

    /** Candidate tasks are claimed first; the other language's run may have claimed it already. */
    private static void claimIfCandidate(Browser browser) {
        browser.settle();
        if (!browser.driver().findElements(By.xpath("//button[normalize-space()='认领']")).isEmpty()) {
            browser.click(By.xpath("//button[normalize-space()='认领']"));
        }
        browser.until(d -> (Boolean) browser.script("return document.querySelector('.task-details .fjs-form') != null"
                + " && document.querySelector('.disabled-form') == null;"));
    }

    private static boolean checkedActions(Browser browser) {
        return (Boolean) browser.script("return document.documentElement.classList.contains('duban-actions-checked');");
    }

    private static boolean present(Browser browser, String css) {
        return (Boolean) browser.script("return !!document.querySelector(arguments[0]);", css);
    }

    private static boolean visible(Browser browser, String css) {
        return (Boolean) browser.script("return [...document.querySelectorAll(arguments[0])]"
                + ".some(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');", css);
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Browser browser, String css) {
        return (List<String>) browser.script("return [...document.querySelectorAll(arguments[0])]"
                + ".filter(e => e.getClientRects().length > 0).map(e => e.innerText.trim());", css);
    }

    private static boolean overlap(Browser browser, String css, String xpath) {
        WebElement button = browser.driver().findElement(By.xpath(xpath));
        return (Boolean) browser.script("const a = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "const b = arguments[1].getBoundingClientRect();"
                + "return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;", css, button);
    }

    private String number(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
    }
}
