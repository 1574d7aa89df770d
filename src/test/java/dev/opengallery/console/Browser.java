package dev.opengallery.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's chromium and chromedriver) driven by Selenium, shared by a test class. It signs in
 * through the identity provider's real login page, finds inputs by their label, saves screenshots under
 * target/console-screenshots/ and fails a test on any error the browser's console logged.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String CHROMIUM = System.getProperty("og.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("og.chromedriver", "/usr/bin/chromedriver");

    public final ChromeDriver driver;
    /** Failed requests a test expects (the console shows them in words): "<path> - ... status of <status>". */
    private final java.util.Set<String> allowed = new java.util.HashSet<>();
    private final String base;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A fresh browser (its own profile directory) for the service at {@code base} ("http://localhost:18301"). */
    public static Browser start(String base) throws IOException {
        Path profile = Files.createTempDirectory("og-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base, profile);
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Signs in as a user of the OIDC Dev Service through its login page (its button for that user). */
    public void login(String user) {
        open("/console/login");
        WebElement button;
        try {
            button = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[@value='" + user + "' or normalize-space(.)='" + user + "']")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No login page for " + user + " at " + driver.getCurrentUrl() + ": "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        button.click();
        wait.until(d -> d.getCurrentUrl().startsWith(base + "/console/"));
        wait.until(d -> !d.findElements(By.id("who")).isEmpty()
                && d.findElement(By.id("who")).getText().toLowerCase(java.util.Locale.ROOT).contains(user));
        // the start page of the person's role has rendered (so that a navigation now is not overtaken by it)
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return location.hash.length > 2 && !!document.querySelector('main h1');")));
    }

    /** Signs out through the console's link; the "signed out" page shows. */
    public void logout() {
        click(By.id("sign-out"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "You are signed out"));
    }

    /** Goes to a console page: go("/apps") opens #/apps. */
    public void go(String hashPath) {
        String target = base + "/console/#" + hashPath;
        driver.get(target);
        waitForPage();
    }

    public void waitForPage() {
        wait.until(d -> ((JavascriptExecutor) d).executeScript(
                "return !!document.querySelector('main h1') && !document.querySelector('main p.loading');").equals(Boolean.TRUE));
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    public void clickButton(String text) {
        click(By.xpath("//button[normalize-space(.)='" + text + "' or @aria-label='" + text + "']"));
    }

    public void clickLink(String text) {
        click(By.linkText(text));
    }

    /** The input, select or textarea labelled {@code label} (its &lt;label for&gt;, text without the "*"), in form id. */
    public WebElement field(String formId, String label) {
        WebElement l = find(By.xpath("//form[@id='" + formId + "']//label[normalize-space(translate(., '*', ''))='"
                + label + "']"));
        return driver.findElement(By.id(l.getAttribute("for")));
    }

    public void type(String formId, String label, String value) {
        WebElement input = field(formId, label);
        input.clear();
        input.sendKeys(value);
    }

    public void choose(String formId, String label, String visibleText) {
        new Select(field(formId, label)).selectByVisibleText(visibleText);
    }

    public void check(String formId, String label) {
        WebElement box = field(formId, label);
        if (!box.isSelected()) {
            box.click();
        }
    }

    public void submit(String formId) {
        click(By.cssSelector("form#" + formId + " button[type=submit]"));
    }

    public String text(By by) {
        return find(by).getText();
    }

    public void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public void waitUntil(Predicate<Browser> condition) {
        wait.until(d -> condition.test(this));
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        // the whole page: the window as tall as the document for the shot
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(),
                (int) Math.min(6000, Math.max(size.getHeight(), height + 140))));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(size);
        }
        return file;
    }

    /**
     * Fails with every SEVERE entry the browser's console logged since the last call on the console's pages (script
     * errors, failed requests, CSP violations). The identity provider's own login page (another origin: the Dev
     * Service has no favicon) is not the console's.
     */
    public void assertNoConsoleErrors() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !(e.getMessage().startsWith("http") && !e.getMessage().startsWith(base + "/")))
                .filter(e -> allowed.stream().noneMatch(a -> e.getMessage().startsWith(base + a.split(" ")[0] + " ")
                        && e.getMessage().contains("status of " + a.split(" ")[1] + " ")))
                .toList();
        allowed.clear();
        if (!errors.isEmpty()) {
            fail("The browser's console logged errors: " + errors);
        }
    }

    /**
     * A failed request the test provokes on purpose (the console shows its problem in words), which the browser logs
     * as an error: allowed once, until the next {@link #assertNoConsoleErrors()}.
     */
    public void allowFailedRequest(String path, int status) {
        allowed.add(path + " " + status);
    }

    /** Drops the browser's console log so far (after a step that logs an expected failed request). */
    public List<LogEntry> drainConsole() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }
}
