package org.duban.security;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium (never a downloaded one) that records every request the page makes, with its method,
 * status and body, from Chrome's network log, and every Content-Security-Policy violation the page reports: what the
 * Camunda webapps really call is what the engine API guard must allow.
 */
final class RecordingBrowser implements AutoCloseable {

    record Exchange(String method, String url, String body, int status, String role) {

        String path() {
            String path = url.replaceFirst("^https?://[^/]+", "");
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;
    private final Map<String, Exchange> pending = new HashMap<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<String> console = new ArrayList<>();
    private String role = "";

    RecordingBrowser(int port) {
        org.duban.support.Chromium.require();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(org.duban.support.Chromium.BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(org.duban.support.Chromium.DRIVER))
                .usingAnyFreePort().withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void as(String role) {
        collect();
        console();
        this.role = role;
    }

    void open(String path) {
        driver.get(base + path);
    }

    void logIn(String user) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        as(user);
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    void until(java.util.function.Function<WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until the page has made no request for a moment: the webapps load their data after the page. */
    void settle() {
        long[] quietSince = {System.nanoTime()};
        int[] seen = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            collect();
            int now = exchanges.size() + pending.size();
            if (now != seen[0]) {
                seen[0] = now;
                quietSince[0] = System.nanoTime();
                return false;
            }
            return pending.isEmpty() && System.nanoTime() - quietSince[0] > Duration.ofMillis(800).toNanos();
        });
    }

    List<Exchange> exchanges() {
        collect();
        return List.copyOf(exchanges);
    }

    /** Console messages of the page, among them Content-Security-Policy violations. */
    List<String> console() {
        driver.manage().logs().get(LogType.BROWSER).getAll().forEach(entry -> console.add(role + " " + entry.getMessage()));
        return List.copyOf(console);
    }

    private void collect() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).get("message");
                String method = message.get("method").asText();
                JsonNode params = message.get("params");
                if ("Network.requestWillBeSent".equals(method)) {
                    JsonNode request = params.get("request");
                    String url = request.get("url").asText();
                    if (url.startsWith(base)) {
                        pending.put(params.get("requestId").asText(), new Exchange(request.get("method").asText(), url,
                                request.has("postData") ? request.get("postData").asText() : null, 0, role));
                    }
                } else if ("Network.responseReceived".equals(method)) {
                    Exchange request = pending.remove(params.get("requestId").asText());
                    if (request != null) {
                        exchanges.add(new Exchange(request.method(), request.url(), request.body(),
                                params.get("response").get("status").asInt(), request.role()));
                    }
                } else if ("Network.loadingFailed".equals(method)) {
                    Exchange request = pending.remove(params.get("requestId").asText());
                    if (request != null) {
                        exchanges.add(new Exchange(request.method(), request.url(), request.body(), -1, request.role()));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
