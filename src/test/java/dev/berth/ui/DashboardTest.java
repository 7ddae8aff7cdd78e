package dev.berth.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthConfiguration;
import dev.berth.support.BearerToken;
import dev.berth.support.BerthTestApp;
import dev.berth.support.Browser;
import dev.berth.support.JobsApi;
import dev.berth.support.TestCommands;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser (Debian's chromium) against a real Berth on the real engine:
 * what a person does with it, each step asserted on what the page shows, with screenshots under
 * target/screenshots.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** Retries after a second, so that a job's second attempt comes quickly. */
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("reconciler.initialBackoff", "1s"));

    private static Browser browser;
    private JobsApi api;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        browser.close();
        TestEngine.removeAllOf(INSTANCE);
    }

    @BeforeEach
    void signIn() {
        api = new JobsApi(APP.client(), APP.getLocalPort());
        ChromeDriver page = browser.driver();
        page.get(base());
        page.executeScript("sessionStorage.clear()");
        page.navigate().refresh();
        browser.await(ExpectedConditions.textToBe(By.id("notice"),
                "The server needs a token (or refused this one): sign in with a token."));
        page.findElement(By.id("token")).sendKeys(adminToken());
        page.findElement(By.id("sign-in")).click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
        // Signing in checks the token, then draws the job list: a test that went to another page
        // before that would have its page drawn over.
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("job-table")));
    }

    @Test
    void aJobSubmittedWithTheFormRunsToSucceededAndItsPageShowsItsStdoutAndStderr() {
        ChromeDriver page = browser.driver();
        open("#/submit");
        type("field-image", TestEngine.IMAGE);
        type("field-command", "sh\n-c\necho hello from the dashboard; echo a warning >&2");
        type("field-labels", "suite=form");
        page.findElement(By.id("submit-job")).click();

        browser.await(ExpectedConditions.urlMatches("#/jobs/[0-9a-z]{26}$"));
        waitForPhase("Succeeded");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#logs pre.stdout"),
                "hello from the dashboard"));
        assertThat(page.findElement(By.cssSelector("#logs pre.stderr")).getText()).isEqualTo("a warning");
        assertThat(page.findElement(By.cssSelector("#attempts [data-attempt='1'] td:nth-child(2)")).getText())
                .isEqualTo("Succeeded");
        assertThat(texts(By.cssSelector("#events td:nth-child(3)")))
                .containsSubsequence("Pending", "Launching", "Running", "Succeeded");
        assertThat(page.findElement(By.id("summary")).getText()).contains("suite=form");
        assertThat(page.findElement(By.id("spec")).getText()).contains(TestEngine.IMAGE)
                .contains("echo hello from the dashboard; echo a warning >&2");
        browser.screenshot("dashboard-job");
    }

    @Test
    void theServersValidationErrorsAreShownNextToTheFieldsTheyNameAndNothingIsStored() {
        long before = jobCount();
        ChromeDriver page = browser.driver();
        open("#/submit");
        type("field-command", "true");
        type("field-priority", "5000");
        page.findElement(By.id("submit-job")).click();

        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("error-image"), "image is required"));
        assertThat(page.findElement(By.id("error-priority")).getText()).contains("priority");
        assertThat(page.findElement(By.id("field-image")).getAttribute("class")).contains("invalid");
        assertThat(page.findElement(By.id("error-command")).getText()).isEmpty();
        browser.screenshot("dashboard-validation");

        page.findElement(By.id("tab-manifest")).click();
        type("manifest", "image: " + TestEngine.IMAGE + "\nmounts:\n  - {source: relative/path, target: /data}\n");
        page.findElement(By.id("submit-manifest")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("manifest-errors"), "mounts (line 2)"));
        assertThat(page.findElement(By.id("manifest-errors")).getText()).contains("mounts[0].source");
        assertThat(jobCount()).isEqualTo(before);
    }

    @Test
    void aRunningJobsOutputIsFollowedLiveAndTheJobCanBeCancelledFromItsPage() {
        String id = api.submitJson(manifest("echo first line; sleep 300", "suite", "live"));
        ChromeDriver page = browser.driver();
        open("#/jobs/" + id);

        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("live-log"), "first line"));
        assertThat(api.getJson("/jobs/" + id).path("status").path("phase").asText()).isEqualTo("Running");
        waitForPhase("Running");
        page.findElement(By.id("cancel")).click();

        waitForPhase("Cancelled");
        assertThat(api.getJson("/jobs/" + id).path("status").path("phase").asText()).isEqualTo("Cancelled");
    }

    @Test
    void theJobListFiltersByLabelPhaseOwnerAndQueue() {
        String succeeded = api.submitJson(manifest("exit 0", "suite", "list"));
        String failed = api.submitJson(manifest("exit 4", "suite", "list"));
        api.awaitTerminal(succeeded, DEADLINE);
        api.awaitTerminal(failed, DEADLINE);
        ChromeDriver page = browser.driver();

        open("#/jobs?label=suite%3Dlist");
        browser.await(d -> listedJobs().size() == 2);
        assertThat(listedJobs()).containsExactly(failed, succeeded);
        new Select(page.findElement(By.id("filter-phase"))).selectByValue("Failed");
        page.findElement(By.id("apply-filters")).click();
        browser.await(d -> listedJobs().equals(List.of(failed)));
        assertThat(textOf("#jobs tr[data-job='" + failed + "'] td:nth-child(5)")).isEqualTo("4");
        browser.screenshot("dashboard-jobs");

        open("#/jobs?label=suite%3Dlist&owner=admin&queue=default");
        browser.await(d -> listedJobs().size() == 2);
        open("#/jobs?label=suite%3Dlist&owner=nobody");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("no-jobs")));
        open("#/jobs?label=suite%3Dlist&queue=other");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("no-jobs")));
    }

    @Test
    void theListPagesFromNewestToOldestAndBack() {
        List<String> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(api.submitJson(manifest("exit 0", "suite", "paging")));
        }
        ChromeDriver page = browser.driver();

        open("#/jobs?label=suite%3Dpaging&limit=2");
        browser.await(d -> listedJobs().equals(List.of(submitted.get(2), submitted.get(1))));
        page.findElement(By.id("older")).click();
        browser.await(d -> listedJobs().equals(List.of(submitted.get(0))));
        assertThat(page.findElement(By.id("older")).isEnabled()).isFalse();
        page.findElement(By.id("newer")).click();
        browser.await(d -> listedJobs().equals(List.of(submitted.get(2), submitted.get(1))));
    }

    @Test
    void theTokenIsKeptForThisTabOnlyAndNeverInLocalStorage() {
        ChromeDriver page = browser.driver();
        assertThat(page.executeScript("return sessionStorage.getItem('berth.token')")).isEqualTo(adminToken());
        assertThat(page.executeScript("return localStorage.length")).isEqualTo(0L);
        String first = page.getWindowHandle();

        page.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).get(base());
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(page.findElement(By.id("sign-out")).isDisplayed()).isFalse();
        page.findElement(By.id("token")).sendKeys("berth_not-a-real-token");
        page.findElement(By.id("sign-in")).click();
        browser.await(ExpectedConditions.textToBe(By.id("notice"),
                "The server needs a token (or refused this one): sign in with a token."));
        page.close();
        page.switchTo().window(first);
    }

    @Test
    void labelsAndOutputThatLookLikeMarkupAreShownAsTextOnTheListAndTheJobsPage() {
        String markup = "<img src=x onerror=\"document.title='owned'\">";
        String id = api.submitJson(manifest("echo '<b id=injected>bold</b>'", "note", markup));
        api.awaitTerminal(id, DEADLINE);
        ChromeDriver page = browser.driver();

        open("#/jobs");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#jobs tr[data-job='" + id + "']")));
        assertThat(textOf("#jobs tr[data-job='" + id + "']")).contains("note=" + markup);
        assertThat(page.executeScript("return document.querySelectorAll('#jobs img').length")).isEqualTo(0L);

        open("#/jobs/" + id);
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#logs pre.stdout"), "<b id=injected>"));
        assertThat(textOf("#summary")).contains("note=" + markup);
        assertThat(page.findElements(By.id("injected"))).isEmpty();
        assertThat(page.executeScript("return document.querySelectorAll('main img').length")).isEqualTo(0L);
        assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
    }

    @Test
    void theDashboardsFilesAreServedWithHeadersThatAllowItsOwnScriptsOnly() {
        for (String file : List.of("", "index.html", "js/app.js", "style.css")) {
            try (var response = APP.client().target(base() + file).request().get()) {
                assertThat(response.getStatus()).as(file).isEqualTo(200);
                assertThat(response.getHeaderString("Content-Security-Policy")).as(file)
                        .isEqualTo(DashboardHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self'");
                assertThat(response.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(response.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
                assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-cache");
            }
        }
        try (var response = APP.client().target(base() + "js/app.js").request().get()) {
            assertThat(response.getMediaType().toString()).startsWith("text/javascript");
        }
    }

    @Test
    void theOutputOfEveryAttemptCanBeChosenOnTheJobsPage() {
        String id = api.submitJson("""
                {"image": "%s", "command": ["sh", "-c", "echo attempt output; exit 2"], "labels": {"suite": "retry"},
                 "policy": {"backoffLimit": 1}}
                """.formatted(TestEngine.IMAGE));
        assertThat(api.awaitTerminal(id, DEADLINE).path("status").path("attempts").asInt()).isEqualTo(2);
        ChromeDriver page = browser.driver();

        open("#/jobs/" + id);
        By first = By.cssSelector("#log-attempts button[data-attempt='1']");
        browser.await(ExpectedConditions.presenceOfElementLocated(first));
        assertThat(textOf("#log-attempts button.current")).isEqualTo("attempt 2");
        page.findElement(first).click();

        browser.await(ExpectedConditions.textToBe(By.cssSelector("#log-attempts button.current"), "attempt 1"));
        assertThat(textOf("#logs pre.stdout")).isEqualTo("attempt output\n");
        assertThat(textOf("#logs h3")).isEqualTo("main (exit 2)");
    }

    @Test
    void commandsQueuesAndNodesHaveTheirPages() {
        try (var put = APP.client().target(apiBase() + "/commands/dashboard-greeter").request()
                .put(Entity.json(TestCommands.shell("dashboard-greeter")))) {
            assertThat(put.getStatus()).isEqualTo(201);
        }
        ChromeDriver page = browser.driver();

        open("#/commands");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("commands"), "dashboard-greeter"));

        open("#/queues");
        By pause = By.cssSelector("#queues button[data-queue='default']");
        browser.await(ExpectedConditions.textToBe(pause, "Pause")).booleanValue();
        page.findElement(pause).click();
        browser.await(ExpectedConditions.textToBe(pause, "Resume"));
        assertThat(api.getJson("/queues").findValues("paused").get(0).asBoolean()).isTrue();
        page.findElement(pause).click();
        browser.await(ExpectedConditions.textToBe(pause, "Pause"));
        assertThat(api.getJson("/queues").findValues("paused").get(0).asBoolean()).isFalse();

        open("#/nodes");
        if (TestEngine.isSwarmManager()) {
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("nodes"), "ready"));
        } else {
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("nodes-unavailable"),
                    "not a swarm manager"));
        }
        browser.screenshot("dashboard-nodes");
    }

    private void open(String hash) {
        browser.driver().get(base() + hash);
    }

    /** Views draw after their first answer from the server: the field is waited for. */
    private void type(String id, String text) {
        WebElement field = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private void waitForPhase(String phase) {
        browser.await(ExpectedConditions.textToBe(By.cssSelector("h1 .phase"), phase));
    }

    /**
     * Read in one script: the list is drawn again every two seconds, which would make elements found
     * one call earlier stale.
     */
    @SuppressWarnings("unchecked")
    private List<String> listedJobs() {
        return (List<String>) browser.driver().executeScript(
                "return [...document.querySelectorAll('#jobs tbody tr')].map(row => row.dataset.job)");
    }

    /** The text of the first element {@code css} selects, read in one script (see listedJobs); null when none. */
    private String textOf(String css) {
        return (String) browser.driver().executeScript(
                "const node = document.querySelector(arguments[0]); return node ? node.innerText : null", css);
    }

    private List<String> texts(By selector) {
        return browser.driver().findElements(selector).stream().map(WebElement::getText).toList();
    }

    private long jobCount() {
        return api.getJson("/jobs?limit=1000").path("items").size();
    }

    private static String manifest(String script, String label, String value) {
        JsonNode labels = JobsApi.read("{}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) labels).put(label, value);
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"], "labels": %s}
                """.formatted(TestEngine.IMAGE, script, labels);
    }

    private static String adminToken() {
        return new BearerToken(BerthTestApp.tokenFile(INSTANCE)).token();
    }

    private static String base() {
        return "http://127.0.0.1:" + APP.getLocalPort() + "/ui/";
    }

    private static String apiBase() {
        return "http://127.0.0.1:" + APP.getLocalPort() + "/api/v1";
    }
}
