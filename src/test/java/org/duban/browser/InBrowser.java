package org.duban.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test that drives the running application in headless Chromium: one browser per test, on the application's
 * random port, closed after it (skipped, saying why, where Debian's chromium is not installed; see {@link Browser}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
abstract class InBrowser {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        // null when the browser was not started (no Chromium here: the test was skipped)
        if (browser != null) {
            browser.close();
        }
    }
}
