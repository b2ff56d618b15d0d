package org.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.OidcProvider;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A clerk logs in with the city's identity service in Chromium: Duban's login page, the provider's own login form,
 * back on Duban as the organisation's person, then Tasklist on the same login. Logging out ends the provider's
 * session too (the next single sign-on asks for the password again); someone the provider knows but the organisation
 * does not list gets a Chinese page saying so, and no session.
 */
@DubanIntegrationTest
class SsoInBrowserIT {

    private static OidcProvider provider;

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        provider = OidcProvider.start();
        provider.configure(registry);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Test
    void aClerkLogsInWithTheCitysIdentityServiceAndWorksInTasklist() {
        // the provider accepts callbacks to an IP literal only (OAuth 2.1 refuses "localhost" redirects)
        String base = "http://127.0.0.1:" + port;
        provider.allow(base);
        String number = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(new ProcessDriver(engine).issue("leader", "kjj", "", LocalDate.now().plusMonths(1)
                        .toString(), "none").getId()).singleResult().getBusinessKey();
        Task sign = await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey("Task_SignDirective").singleResult(), t -> t != null);

        try (Browser browser = new Browser(base, "zh-CN")) {
            browser.open("/login");
            browser.click(By.id("sso-login"));
            signInAtTheProvider(browser, "kjj");
            browser.until(d -> d.getCurrentUrl().startsWith(base) && !d.getCurrentUrl().contains("/login")
                    && d.getPageSource().contains("夏科技"));
            browser.screenshot("sso-01-home");

            browser.open("/camunda/app/tasklist/default/#/?task=" + sign.getId());
            browser.find(By.cssSelector(".fjs-form"));
            browser.screenshot("sso-02-tasklist");

            browser.open("/");
            browser.click(By.xpath("//form[contains(@action,'/logout')]/button"));
            browser.until(d -> d.getCurrentUrl().startsWith(base + "/login?logout")
                    && d.getPageSource().contains("您已安全退出"));

            // the provider's session ended as well: it asks who is there again
            browser.click(By.id("sso-login"));
            signInAtTheProvider(browser, "stranger");
            // the page source, not an element: the browser is still on its way through the redirects
            browser.until(d -> d.getPageSource().contains("组织名单中没有"));
            assertThat(browser.driver().getPageSource()).contains("stranger", "无法登录");
            browser.screenshot("sso-03-unknown-person");
            browser.open("/");
            browser.until(d -> d.getCurrentUrl().startsWith(base + "/login"));
        }
    }

    private static void signInAtTheProvider(Browser browser, String person) {
        browser.until(d -> d.getCurrentUrl().startsWith(provider.issuer() + "/login"));
        browser.find(By.id("username")).sendKeys(person);
        browser.find(By.id("password")).sendKeys(OidcProvider.PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    }
}
