package org.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.duban.batch.Workbooks;
import org.duban.calendar.WorkCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 批量交办 in Chromium: the office chooses a task breakdown on the Issue page, sees every row with its units, working
 * days and the bad row's error at its cell, confirms skipping it, and gets links to the drafts created.
 */
class ImportInBrowserIT extends InBrowser {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkCalendar calendar;
    @TempDir
    Path files;

    @Test
    void theOfficeUploadsPreviewsAndConfirmsATaskBreakdown() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(Workbooks.task("智慧城市任务" + i + "-" + tag, i == 2 ? "市科技局" : "dsjj", i == 3 ? "kjj、zdxq" : "",
                    calendar.plusWorkingDays(calendar.today(), 10 + i)));
        }
        rows.get(3).set(4, "不存在的单位");
        Path file = files.resolve("重点工作任务分解表-" + tag + ".xlsx");
        Files.write(file, Workbooks.xlsx(rows));

        browser.logIn("supervisor");
        browser.open("/issue");
        assertThat(browser.find(By.id("import-template")).getAttribute("href")).endsWith("/api/imports/template.xlsx");
        browser.driver().findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(file.toString());
        browser.click(By.id("import-upload"));
        browser.until(d -> !d.findElements(By.cssSelector("#import-rows tbody tr")).isEmpty());
        List<WebElement> shown = browser.driver().findElements(By.cssSelector("#import-rows tbody tr"));
        assertThat(shown).hasSize(5);
        assertThat(browser.find(By.id("import-summary")).getText()).contains("共 5 行", "可导入 4 行", "有错误 1 行");
        assertThat(shown.get(2).getText()).contains("市大数据管理局（牵头）", "市科技局", "郑东新区管委会", "可导入");
        assertThat(shown.get(3).findElement(By.cssSelector(".cell-error")).getText())
                .contains("E5", "牵头单位", "不存在的单位");
        assertThat(shown.get(0).getText()).contains(String.valueOf(11));
        browser.screenshot("import-01-preview");
        assertThat(count(tag)).isZero();

        browser.click(By.id("import-skip"));
        browser.click(By.id("import-confirm"));
        browser.until(d -> !d.findElements(By.id("import-done")).isEmpty());
        assertThat(browser.find(By.id("import-done")).getText()).contains("创建督办事项 4 项", "拟稿");
        assertThat(browser.driver().findElements(By.cssSelector("#import-created a"))).hasSize(4);
        assertThat(browser.find(By.id("import-count")).getText()).isEqualTo("已创建 4 / 4");
        browser.screenshot("import-02-confirmed");
        assertThat(count(tag)).isEqualTo(4);
        String first = browser.driver().findElements(By.cssSelector("#import-created a")).get(0).getText();
        browser.click(By.cssSelector("#import-created a"));
        browser.until(d -> d.getCurrentUrl().endsWith("/directives/" + first));

        // the leader approves the whole batch at once (批量批示) on the Issue page
        browser.logOut();
        browser.logIn("leader");
        browser.open("/issue");
        By batch = By.xpath("//ul[@id='import-awaiting-list']/li[contains(., '" + tag + "')]");
        browser.until(d -> !d.findElements(batch).isEmpty());
        assertThat(browser.find(batch).getText()).contains("拟稿 4 项");
        browser.screenshot("import-03-awaiting-approval");
        browser.click(By.xpath("//ul[@id='import-awaiting-list']/li[contains(., '" + tag + "')]/button[contains(@class,'approve-import')]"));
        browser.until(d -> d.findElement(By.id("import-message")).getText().contains("已批示 4 项"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM directive WHERE title LIKE ? AND status = 'IN_PROGRESS'", Integer.class,
                "%" + tag + "%") == 4);
        assertThat(count(tag)).isZero();
    }

    int count(String tag) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM directive WHERE title LIKE ? AND status = 'DRAFT'", Integer.class,
                "%" + tag + "%");
    }
}
