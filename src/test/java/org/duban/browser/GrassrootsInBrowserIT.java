package org.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 信息直达基层 in Chromium: a community attaches a photo and a PDF to its submission on the directive page; its street
 * sees the tree down to the community and the material with the photo previewed, and reviews it in Tasklist,
 * recording that it checked the material (核实).
 */
class GrassrootsInBrowserIT extends InBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkCalendar calendar;
    @TempDir
    Path files;

    @Test
    void aCommunitySubmitsWithAPhotoAndAPdfAndItsStreetReviewsWithThePreview() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        String deadline = calendar.plusWorkingDays(calendar.today(), 10).toString();
        Http.Response issued = Http.basic(port, "leader", "demo").post("/api/directives", """
                {"title":"背街小巷环境整治","instruction":"各街道组织社区整治，报送整治前后照片。","priority":"normal",
                 "leadDepartment":"zdxq","targets":[{"under":"zdxq","level":"street"}],"deadline":"%s","reportCycle":"none"}"""
                .formatted(deadline));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = JSON.readTree(issued.body()).get("number").asText();
        driver.sign("ruyihu", driver.departmentWork(number, "ruyihu"));
        Http.Response passed = Http.basic(port, "ruyihu", "demo").post("/api/directives/" + number
                + "/parts/ruyihu/sub-parts", """
                {"subParts":[{"unit":"ruyihu-ruyidong","instruction":"整治如意东片区背街小巷，报送照片","deadline":"%s"}]}"""
                .formatted(calendar.plusWorkingDays(calendar.today(), 5)));
        assertThat(passed.status()).as(passed.body()).isEqualTo(201);
        driver.sign("ruyihu-ruyidong", driver.departmentWork(number, "ruyihu-ruyidong"));

        Path photo = files.resolve("整治后照片.png");
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 200; y++) {
                image.setRGB(x, y, y < 120 ? 0x6fa8dc : 0x93c47d);
            }
        }
        ImageIO.write(image, "png", photo.toFile());
        Path pdf = files.resolve("整治成效报告.pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
                StandardCharsets.US_ASCII);

        // the community: 办结申请 with two files, from the directive page the Tasklist brief links to
        browser.logIn("ruyihu-ruyidong");
        browser.open("/directives/" + number);
        WebElement form = browser.find(By.cssSelector(".report-card form.report"));
        form.findElement(By.cssSelector("input[name=outcome][value=submit]")).click();
        form.findElement(By.name("text")).sendKeys("如意东片区 6 条背街小巷已整治完毕，附整治后照片和成效报告。");
        form.findElement(By.name("files")).sendKeys(photo + "\n" + pdf);
        browser.screenshot("grassroots-01-community-report");
        browser.click(By.cssSelector(".report-card form.report button[type=submit]"));
        browser.until(d -> browser.find(By.id("action-result")).getText().contains("已报送"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT status FROM directive_department WHERE directive_number = ? AND department = 'ruyihu-ruyidong'",
                String.class, number).equals("UNDER_REVIEW"));
        browser.until(d -> !browser.driver().findElements(By.cssSelector("#evidence figure")).isEmpty());
        assertThat(browser.find(By.cssSelector("#evidence h2")).getText()).isEqualTo("佐证材料（2 份）");
        browser.screenshot("grassroots-02-community-submitted");

        // the street: the tree down to the community, the photo previewed, the PDF opened in the browser
        browser.logOut();
        browser.logIn("ruyihu");
        browser.open("/directives/" + number);
        List<String> tree = browser.driver().findElements(By.cssSelector("#departments tbody tr")).stream()
                .map(row -> row.getAttribute("data-department") + "@" + row.getAttribute("data-depth")).toList();
        assertThat(tree).as("its own part is the root of what it sees").containsExactly("ruyihu@0", "ruyihu-ruyidong@1");
        browser.until(d -> (Boolean) browser.script(
                "const i = document.querySelector('#evidence img'); return i != null && i.complete && i.naturalWidth === 320;"));
        assertThat(browser.driver().findElements(By.cssSelector("#evidence figcaption a")).stream().map(WebElement::getText)
                .toList()).containsExactly("整治后照片.png", "整治成效报告.pdf");
        browser.screenshot("grassroots-03-street-sees-material");

        // the street reviews in Tasklist: accepted, rated, the material checked
        Task review = engine.getTaskService().createTaskQuery()
                .processInstanceId(driver.processInstanceOf(number, "ruyihu-ruyidong"))
                .taskDefinitionKey("Task_ReviewResult").singleResult();
        browser.open("/camunda/app/tasklist/default/#/?task=" + review.getId());
        browser.find(By.cssSelector(".task-details .fjs-form"));
        browser.settle();
        if (!browser.driver().findElements(By.xpath("//button[normalize-space()='认领']")).isEmpty()) {
            browser.click(By.xpath("//button[normalize-space()='认领']"));
        }
        browser.until(d -> (Boolean) browser.script("return document.querySelector('.task-details .fjs-form') != null"
                + " && document.querySelector('.disabled-form') == null;"));
        assertThat(browser.find(By.cssSelector(".task-details .fjs-form")).getText()).contains("佐证材料 2 份");
        // each file of the result a link beside the decision, to check it file by file (逐份核实)
        assertThat(browser.driver().findElements(By.cssSelector(".task-details .fjs-form a[href*='/api/evidence/']"))
                .stream().map(WebElement::getText).toList()).containsExactly("整治后照片.png", "整治成效报告.pdf");
        browser.click(By.xpath("//label[normalize-space()='审核通过']"));
        browser.click(By.xpath("//label[normalize-space()='5 分']"));
        browser.click(By.xpath("//label[contains(normalize-space(),'已逐份核实佐证材料')]"));
        browser.screenshot("grassroots-04-street-review");
        browser.click(By.xpath("//button[normalize-space()='完成']"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT evidence_verified FROM directive_department WHERE directive_number = ? AND department = ?",
                Boolean.class, number, "ruyihu-ruyidong")));
        browser.open("/directives/" + number);
        assertThat(browser.find(By.cssSelector("#departments tr[data-department='ruyihu-ruyidong'] .evidence-count"))
                .getText()).contains("2 份").contains("已核实");
        browser.screenshot("grassroots-05-street-verified");
    }
}
