package io.tollwatch.serve.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.config.Settings;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.report.ReportValidator;
import io.tollwatch.runtime.EmbeddedStack;
import io.tollwatch.serve.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in real headless Chromium (Debian's chromium and chromedriver) against the real service on the
 * embedded broker and registry: it shows the sample totals, updates without a reload when a report is posted, shows
 * report text holding {@code <script>} and {@code <img onerror>} as text, and the page logs no script error. Keeps a
 * screenshot in target/dashboard.png (and where {@code -Dtollwatch.screenshot=FILE} says, for the README).
 */
class DashboardIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final NumberFormat NUMBERS = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static EmbeddedStack stack;
    static Service service;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(new File(CHROMIUM)).as("Debian package chromium (.ci/run installs it)").exists();
        assertThat(new File(CHROMEDRIVER)).as("Debian package chromium-driver (.ci/run installs it)").exists();
        stack = EmbeddedStack.start(dir.resolve("stack"));
        Normalizer normalizer = Normalizer.defaults();
        Settings settings = Settings.builder().overrides(Map.of(
                Settings.BOOTSTRAP, stack.bootstrapServers(),
                Settings.REGISTRY_URL, stack.registryUrl(),
                Settings.APPLICATION_ID, "tollwatch-dashboard",
                Settings.STATE_DIR, dir.resolve("state").toString(),
                Settings.HTTP_PORT, "0",
                "kafka.commit.interval.ms", "100")).build();
        service = new Service(settings, normalizer::figures, normalizer.gazetteer()::regionName).start();
        service.awaitRunning(Duration.ofSeconds(60));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1440,1000", "--hide-scrollbars", "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (service != null) {
                service.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    void theDashboardShowsLiveTotalsAndReportTextAsText() throws Exception {
        String samples;
        try (InputStream in = DashboardIT.class.getResourceAsStream("/samples/demo.jsonl")) {
            samples = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder valid = new StringBuilder();
        samples.lines().filter(l -> !l.isBlank()).filter(DashboardIT::isValid).forEach(l -> valid.append(l).append('\n'));
        assertThat(post(valid.toString()).statusCode()).isEqualTo(202);
        long syria = awaitBest("SY|killed|all", b -> b > 0);

        browser.get(base() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        wait.until(d -> d.findElement(By.id("live")).getText().equals("live"));

        // The sample totals: every country's killed total from the API is in the list, as the API has it. Samples may
        // still be counting, so each check reads the API afresh: the page must catch up through the live stream.
        WebDriverWait caughtUp = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (JsonNode t : json("/api/totals?metric=killed&population=all")) {
            if (!t.get("region").asText().contains("-")) {
                String key = t.get("region").asText() + "|killed|all";
                caughtUp.withMessage(() -> key + " shows " + shownOrNone(key) + ", the API has " + bestOrNone(key))
                        .until(d -> shownOrNone(key).equals(bestOrNone(key)));
            }
        }
        assertThat(browser.findElements(By.cssSelector("#map path.country")).size()).isGreaterThan(150);
        browser.findElement(By.cssSelector("#ranking tr[data-region='SY']")).click();
        assertThat(browser.findElement(By.id("country-name")).getText()).isEqualTo("Syria");
        assertThat(browser.findElement(By.id("country-best")).getText()).isEqualTo(NUMBERS.format(syria) + " killed");

        // A posted report changes the page without a reload; its text is shown as text, never run.
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
        String hostile = """
                {"report_id":"xss-1","source":"<script>window.__pwned='source'</script>","published_at":"2024-12-01T12:00:00Z",\
                "url":"javascript:window.__pwned='url'","location":"Aleppo, Syria","text":"Shelling of a market in Aleppo \
                killed 400 people on Sunday <img src=x onerror=\\"window.__pwned='img'\\"> <script>window.__pwned='script'</script>, \
                the Syrian Observatory for Human Rights said."}
                """;
        assertThat(post(hostile).statusCode()).isEqualTo(202);
        long raised = awaitBest("SY|killed|all", b -> b > syria);
        wait.until(d -> d.findElement(By.id("country-best")).getText().equals(NUMBERS.format(raised) + " killed"));
        wait.until(d -> cell("SY|killed|all").getText().equals(NUMBERS.format(raised)));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument === true")).isEqualTo(true);

        // The page redraws as live totals arrive; each check finds its element afresh.
        WebDriverWait settle = new WebDriverWait(browser, Duration.ofSeconds(30));
        settle.ignoring(StaleElementReferenceException.class);
        settle.until(d -> {
            d.findElement(By.cssSelector("#subdivisions tr[data-region='SY-HL']")).click();
            return true;
        });
        By hostileFigure = By.cssSelector("#figures li[data-report='xss-1']");
        settle.until(d -> d.findElement(hostileFigure).getText().contains("<script>window.__pwned='source'</script>"));
        settle.until(d -> {
            d.findElement(hostileFigure).findElement(By.tagName("button")).click();
            return true;
        });
        By evidence = By.cssSelector("#figures li[data-report='xss-1'] blockquote.evidence");
        settle.until(d -> d.findElement(evidence).isDisplayed());
        String evidenceText = settle.until(d -> d.findElement(evidence).getText());
        assertThat(evidenceText)
                .contains("<img src=x onerror=\"window.__pwned='img'\">")
                .contains("<script>window.__pwned='script'</script>");
        assertThat(browser.findElements(By.cssSelector("#figures img, #figures script, #detail img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#figures li[data-report='xss-1'] a")))
                .as("a javascript: url is not a link").isEmpty();
        Thread.sleep(500);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("script errors in the page").isEmpty();

        screenshot();
    }

    private static void screenshot() throws Exception {
        // After a reload: Syria chosen, Aleppo's daily chart and figures open, a sample's evidence sentence shown.
        browser.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        wait.until(d -> d.findElement(By.id("live")).getText().equals("live"));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> {
            d.findElement(By.cssSelector("#ranking tr[data-region='SY']")).click();
            d.findElement(By.cssSelector("#subdivisions tr[data-region='SY-HL']")).click();
            return true;
        });
        wait.until(d -> !d.findElements(By.cssSelector("#figures li")).isEmpty());
        wait.until(d -> {
            d.findElements(By.cssSelector("#figures li:not([data-report='xss-1']) button")).stream().findFirst()
                    .ifPresent(WebElement::click);
            return true;
        });
        Thread.sleep(1500);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", "dashboard.png");
        Files.write(target, png);
        String keep = System.getProperty("tollwatch.screenshot");
        if (keep != null && !keep.isBlank()) {
            Files.write(Path.of(keep), png);
        }
        assertThat(png.length).isGreaterThan(10_000);
    }

    private static WebElement cell(String key) {
        return browser.findElement(By.cssSelector("#ranking td[data-key='" + key + "']"));
    }

    private static String shownOrNone(String key) {
        List<WebElement> cells = browser.findElements(By.cssSelector("#ranking td[data-key='" + key + "']"));
        try {
            return cells.isEmpty() ? "nothing" : cells.get(0).getText();
        } catch (StaleElementReferenceException redrawn) {
            return "a redrawn cell";
        }
    }

    /** The API's current best for a country total, formatted as the page shows it. */
    private static String bestOrNone(String key) {
        try {
            for (JsonNode t : json("/api/totals?metric=killed&population=all")) {
                String k = t.get("region").asText() + "|killed|all";
                if (k.equals(key)) {
                    return NUMBERS.format(t.get("best").asLong());
                }
            }
            return "no total";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isValid(String line) {
        try {
            return ReportValidator.problem(ReportJson.parse(line)).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long awaitBest(String key, java.util.function.LongPredicate ok) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get("/api/totals");
            if (r.statusCode() == 200) {
                for (JsonNode t : ReportJson.MAPPER.readTree(r.body())) {
                    String k = t.get("region").asText() + "|" + t.get("metric").asText() + "|" + t.get("population").asText();
                    if (k.equals(key) && ok.test(t.get("best").asLong())) {
                        return t.get("best").asLong();
                    }
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no total " + key + " as expected");
    }

    private static String base() {
        return "http://localhost:" + service.httpPort();
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        return ReportJson.MAPPER.readTree(r.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/reports"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
