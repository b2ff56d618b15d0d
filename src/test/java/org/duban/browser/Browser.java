package org.duban.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromium-driver: both paths are given, so
 * Selenium never looks for (or downloads) a browser of its own.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    Browser(int port) {
        this(port, "zh-CN");
    }

    /**
     * A browser whose user interface speaks {@code language} (e.g. zh-CN, en-US): the UI language
     * ({@code --lang}, which {@code navigator.language} reports) and the Accept-Language header.
     */
    Browser(int port, String language) {
        this("http://localhost:" + port, language);
    }

    /** A browser on Duban at {@code base} (e.g. http://127.0.0.1:8080, where single sign-on needs an IP literal). */
    Browser(String base, String language) {
        org.duban.support.Chromium.require();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(org.duban.support.Chromium.BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=" + language);
        String primary = language.substring(0, language.indexOf('-') < 0 ? language.length() : language.indexOf('-'));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + primary));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(org.duban.support.Chromium.DRIVER))
                .usingAnyFreePort().withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
        this.driver = new ChromeDriver(service, options);
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(base + path);
    }

    void logIn(String user) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    void logOut() {
        driver.manage().deleteAllCookies();
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Scrolls the element to the middle first: Tasklist's fixed footer would otherwise take the click. */
    void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Waits for the condition; a wait that times out leaves a screenshot and names the page it was on. */
    void until(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            wait.until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("timed-out-" + System.currentTimeMillis());
            throw new org.openqa.selenium.TimeoutException("on " + url() + " (see " + shot + ")", e);
        }
    }

    /**
     * Waits until the page has rendered: no loading spinner or loader in sight and the visible text
     * unchanged over three looks a third of a second apart (the webapps render in several rounds).
     */
    void settle() {
        try {
            settleOnce();
        } catch (org.openqa.selenium.TimeoutException stuck) {
            // the webapps now and then keep a loader up after their data arrived: a person would reload, so does this
            driver.navigate().refresh();
            settleOnce();
        }
    }

    private void settleOnce() {
        String[] last = {"", ""};
        int[] stable = {0};
        boolean[] busyLast = {false};
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(330)).until(d -> {
                Object busy = script("return [...document.querySelectorAll('.app-splash, .spinner, .loader-state.loading,"
                        + " .fjs-loading, .loading-indicator')].some(e => e.getClientRects().length > 0)"
                        + " || document.readyState !== 'complete';");
                String text = (String) script("return document.body ? document.body.innerText : '';");
                busyLast[0] = Boolean.TRUE.equals(busy);
                if (busyLast[0] || !text.equals(last[0])) {
                    last[1] = last[0];
                    last[0] = text;
                    stable[0] = 0;
                    return false;
                }
                return ++stable[0] >= 2;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what kept changing: a spinner, or which text came and went
            Path shot = screenshot("unsettled-" + System.currentTimeMillis());
            throw new org.openqa.selenium.TimeoutException("page " + url() + " never settled (" + (busyLast[0]
                    ? "still loading" : "text changing: " + difference(last[1], last[0])) + "; see " + shot + ")", e);
        }
    }

    /** Where two texts part, with a little of each. */
    private static String difference(String before, String after) {
        int at = 0;
        while (at < before.length() && at < after.length() && before.charAt(at) == after.charAt(at)) {
            at++;
        }
        return "«" + before.substring(at, Math.min(before.length(), at + 80)).replace('\n', ' ') + "» → «"
                + after.substring(at, Math.min(after.length(), at + 80)).replace('\n', ' ') + "»";
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    ChromeDriver driver() {
        return driver;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the person would see, for a human to look at after the build. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
