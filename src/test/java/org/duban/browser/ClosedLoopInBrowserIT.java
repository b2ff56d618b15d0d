package org.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The closed loop as people do it, in a real headless Chromium: a leader issues on the Issue page,
 * the lead department signs and submits in Tasklist through its Camunda Forms, the office accepts
 * in Tasklist, and the overview, ledger, directive and scorecard pages show it done with its score.
 * Screenshots of every page land in {@code target/screenshots/}.
 */
class ClosedLoopInBrowserIT extends InBrowser {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkCalendar calendar;

    @Test
    void aDirectiveGoesRoundTheWholeLoopInTheBrowser() {
        String title = "浏览器闭环测试：推进政务服务一网通办";
        LocalDate deadline = calendar.plusWorkingDays(calendar.today(), 10);

        // 一键交办: the leader fills one form and presses once
        browser.logIn("leader");
        browser.open("/issue");
        browser.click(By.id("issue"));
        browser.until(d -> !browser.find(By.cssSelector(".field-error[data-field=title]")).getText().isEmpty());
        assertThat(browser.find(By.cssSelector(".field-error[data-field=leadDepartment]")).getText()).isEqualTo("请选择主办单位");
        assertThat(browser.find(By.cssSelector(".field-error[data-field=deadline]")).getText()).contains("办结期限");
        browser.screenshot("00-issue-errors");
        browser.find(By.name("title")).sendKeys(title);
        browser.find(By.name("instruction")).sendKeys("请市科技局牵头，十个工作日内办结并报送结果。");
        browser.script("const s = document.querySelector('select[name=leadDepartment]'); s.value = 'kjj';"
                + "s.dispatchEvent(new Event('change'));");
        browser.script("const d = document.querySelector('input[name=deadline]'); d.value = arguments[0];"
                + "d.dispatchEvent(new Event('change'));", deadline.toString());
        browser.until(d -> browser.find(By.id("working-days")).getText().contains("10 个工作日"));
        browser.screenshot("01-issue-page");
        browser.click(By.id("issue"));
        browser.until(d -> browser.url().contains("/directives/DB-"));
        String number = browser.url().substring(browser.url().lastIndexOf('/') + 1);
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("办理中");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directive WHERE title = ?", Integer.class, title))
                .as("one press, one directive").isEqualTo(1);
        browser.screenshot("02-directive-issued");

        // 签收 and 办结申请 by the lead department in Tasklist, through the Camunda Forms
        browser.logOut();
        browser.logIn("kjj");
        // the department's own filter opens first, earliest deadline first
        browser.click(By.linkText("任务"));
        browser.until(d -> browser.text().contains("市科技局待办") && browser.text().contains("签收"));
        assertThat(browser.text()).as("sorted by deadline (到期日), not by creation").contains("到期日");
        browser.screenshot("03-tasklist-department-filter");
        openTask(number, "Task_SignDirective");
        claim();
        browser.screenshot("04-tasklist-sign");
        complete();
        openTask(number, "Task_HandleDirective");
        claim();
        browser.click(By.xpath("//label[normalize-space()='办结申请']"));
        browser.find(By.xpath("//label[contains(normalize-space(),'办理结果')]/following::textarea[1]"))
                .sendKeys("已完成事项清单梳理，共 126 项。");
        browser.screenshot("05-tasklist-submit");
        complete();

        // 审核 by the supervision office in Tasklist
        browser.logOut();
        browser.logIn("supervisor");
        openTask(number, "Task_ReviewResult");
        claim();
        browser.click(By.xpath("//label[normalize-space()='审核通过']"));
        browser.click(By.xpath("//label[normalize-space()='5 分']"));
        browser.find(By.xpath("//label[contains(normalize-space(),'审核意见')]/following::textarea[1]")).sendKeys("材料齐全，同意办结。");
        browser.screenshot("06-tasklist-review");
        complete();
        await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(
                jdbc.queryForObject("SELECT status FROM directive WHERE number = ?", String.class, number)));
        String score = jdbc.queryForObject("SELECT score FROM directive WHERE number = ?", java.math.BigDecimal.class, number)
                .toPlainString();

        // the pages show it done, with its score
        browser.open("/overview");
        browser.until(d -> "true".equals(browser.script("return document.getElementById('chart-weeks').dataset.ready || ''")));
        assertThat(Integer.parseInt(browser.find(By.cssSelector("#light-DONE strong")).getText())).isGreaterThanOrEqualTo(1);
        browser.screenshot("07-overview");

        browser.open("/ledger?q=" + number);
        assertThat(browser.find(By.id("ledger")).getText()).contains(number, title, "已办结", "按期办结", score);
        browser.screenshot("08-ledger");

        browser.open("/directives/" + number);
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("已办结");
        assertThat(browser.find(By.id("score")).getText()).isEqualTo(score);
        assertThat(browser.find(By.id("timeline")).getText()).contains("交办", "签收", "办结申请", "审核通过", "评分", "办结归档");
        browser.screenshot("09-directive-done");

        browser.open("/scorecards");
        assertThat(browser.text()).contains("市科技局");
        browser.screenshot("10-scorecards");

        // a phone-sized screen gets the same pages without sideways scrolling of the page itself
        browser.size(390, 844);
        for (String page : new String[] {"/overview", "/ledger", "/directives/" + number, "/scorecards"}) {
            browser.open(page);
            long overflow = (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as(page + " fits a phone").isLessThanOrEqualTo(0);
            browser.screenshot("11-phone" + page.replace('/', '-'));
        }
    }

    private void openTask(String number, String taskKey) {
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult(), t -> t != null);
        browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        browser.find(By.cssSelector(".fjs-form"));
    }

    /** Candidate tasks are claimed first; until then Tasklist shows the form read-only. */
    private void claim() {
        browser.click(By.xpath("//button[normalize-space()='认领'] | //a[normalize-space()='认领']"));
        browser.until(d -> (Boolean) browser.script("return document.querySelector('.fjs-form') != null"
                + " && document.querySelector('.disabled-form') == null;"));
    }

    private void complete() {
        browser.click(By.xpath("//button[normalize-space()='完成']"));
        browser.until(d -> browser.text().contains("任务已完成") || browser.source().contains("no-task"));
    }
}
