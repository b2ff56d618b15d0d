package org.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.calendar.WorkCalendar;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 自动查重 and 任务智能分派 on the Issue page, as the leader types: the earlier directive on the same matter is listed
 * with a link and can be chosen as the one the new directive follows up; the suggested units show why they are
 * suggested and fill the lead unit when pressed; a field's error goes when the field is corrected.
 */
class IntakeInBrowserIT extends InBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkCalendar calendar;

    @Test
    void theLeaderSeesTheEarlierDirectiveAndTheSuggestedUnitsAsTheyType() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "整治背街小巷占道经营" + tag;
        String instruction = "请市城市管理局牵头，对背街小巷占道经营、乱堆乱放开展集中整治，月底前报送整治情况。";
        String deadline = calendar.plusWorkingDays(calendar.today(), 15).toString();
        Http.Response earlier = Http.basic(port, "leader", "demo").post("/api/directives", JSON.writeValueAsString(
                java.util.Map.of("title", title, "instruction", instruction, "priority", "normal", "leadDepartment", "cgj",
                        "deadline", deadline, "reportCycle", "none")));
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(201);
        String earlierNumber = JSON.readTree(earlier.body()).get("number").asText();

        browser.logIn("leader");
        browser.open("/issue");
        // before anything is typed there is nothing to choose between
        assertThat(browser.driver().findElement(By.id("not-follow-up")).isDisplayed()).isFalse();
        browser.click(By.id("issue"));
        browser.until(d -> !browser.find(By.cssSelector(".field-error[data-field=title]")).getText().isEmpty());

        browser.find(By.name("title")).sendKeys("再次" + title);
        browser.find(By.name("instruction")).sendKeys(instruction);
        assertThat(browser.driver().findElement(By.cssSelector(".field-error[data-field=title]")).getText())
                .as("the corrected title no longer says it is empty").isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector(".field-error[data-field=instruction]")).getText())
                .isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector(".field-error[data-field=leadDepartment]")).getText())
                .as("a field not yet corrected keeps its error").isEqualTo("请选择主办单位");

        // the earlier directive, linked, with its similarity; "not a follow-up" is now a choice beside it
        By earlierChoice = By.cssSelector("#similar-list input[name=followUpOf][value='" + earlierNumber + "']");
        browser.until(d -> !d.findElements(earlierChoice).isEmpty());
        WebElement link = browser.find(By.cssSelector("#similar-list a[href$='/directives/" + earlierNumber + "']"));
        assertThat(link.getText()).contains(earlierNumber, title);
        assertThat(browser.find(By.id("similar-list")).getText()).contains("相似度");
        assertThat(browser.find(By.id("not-follow-up")).isDisplayed()).isTrue();
        assertThat(browser.find(By.cssSelector("#not-follow-up input")).isSelected()).isTrue();

        // the unit the text names, suggested with its reason in sight (no hover needed)
        By cityManagement = By.cssSelector("#suggestion-list button[data-unit=cgj]");
        browser.until(d -> !d.findElements(cityManagement).isEmpty());
        WebElement suggestion = browser.find(cityManagement).findElement(By.xpath(".."));
        assertThat(suggestion.findElement(By.className("reason")).getText()).contains("事项中提到本单位");
        browser.screenshot("intake-01-similar-and-suggestions");

        browser.click(cityManagement);
        assertThat(browser.find(By.name("leadDepartment")).getAttribute("value")).isEqualTo("cgj");
        assertThat(browser.find(cityManagement).getAttribute("class")).contains("chosen");
        assertThat(browser.driver().findElement(By.cssSelector(".field-error[data-field=leadDepartment]")).getText())
                .as("choosing the suggested unit answers the lead unit's error").isEmpty();

        browser.click(earlierChoice);
        browser.script("const d = document.querySelector('input[name=deadline]'); d.value = arguments[0];"
                + "d.dispatchEvent(new Event('change', { bubbles: true }));", deadline);
        browser.until(d -> browser.find(By.id("working-days")).getText().contains("个工作日"));
        browser.click(By.id("issue"));
        browser.until(d -> browser.url().contains("/directives/DB-"));
        String number = browser.url().substring(browser.url().lastIndexOf('/') + 1);
        List<String> followed = jdbc.queryForList("SELECT follow_up_of FROM directive WHERE number = ?", String.class,
                number);
        assertThat(followed).as("the new directive follows up the earlier one").containsExactly(earlierNumber);
        assertThat(jdbc.queryForObject("SELECT lead_department FROM directive WHERE number = ?", String.class, number))
                .isEqualTo("cgj");
        browser.screenshot("intake-02-follow-up-issued");
    }
}
