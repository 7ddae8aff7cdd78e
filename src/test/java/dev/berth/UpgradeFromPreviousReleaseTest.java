package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database that the previous release really wrote (src/test/resources/upgrade/, its README says
 * how) opens with every job intact, and the job that release left Running is adopted: its container,
 * found by its deterministic name and labels, is followed to its end and never launched again.
 */
class UpgradeFromPreviousReleaseTest {
    private static final String FIXTURE = "/upgrade/berth-0.1-main-af3046c.mv.db";
    /** The instance id the fixture was written with: the objects of its jobs carry it. */
    private static final String FIXTURE_INSTANCE = "berth-upgrade-fixture";
    /** The job that was Running when the old release stopped (ids are fixed in the fixture). */
    private static final String RUNNING = "01m8rhyz669r0tw2t2j1sqwzen";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private DropwizardAppExtension<BerthConfiguration> app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.after();
        }
        TestEngine.removeAllOf(FIXTURE_INSTANCE);
    }

    @Test
    void everyJobIsIntactAndTheRunningOneIsAdopted() throws Exception {
        String database = copyOfFixture();
        // The old release's container of the running job, as it would still be on the engine.
        String container = startContainer(RUNNING, "echo adopted; sleep 2");
        app = BerthTestApp.withSettings(Path.of(database + ".admin-token"),
                ConfigOverride.config("database.url", "jdbc:h2:" + database),
                ConfigOverride.config("reconciler.instanceId", FIXTURE_INSTANCE));
        app.before();
        JobsApi api = new JobsApi(app.client(), app.getLocalPort());

        api.awaitTerminal(RUNNING, DEADLINE);
        JsonNode adopted = api.getJson("/jobs/" + RUNNING);
        Map<String, JsonNode> jobs = byName(api);

        assertThat(jobs.keySet()).containsExactlyInAnyOrder("ok", "retried", "from-command", "cancelled", "running");
        assertThat(adopted.get("status").get("phase").asText()).as(adopted.toString()).isEqualTo("Succeeded");
        assertThat(adopted.has("owner")).as("a job from before tokens has no owner").isFalse();
        assertThat(adopted.get("attempts")).as(adopted.toString()).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("phase").asText()).isEqualTo("Succeeded");
            assertThat(attempt.get("steps")).singleElement().satisfies(step -> {
                assertThat(step.get("name").asText()).isEqualTo("main");
                assertThat(step.get("containerId").asText()).isEqualTo(container);
            });
        });
        assertThat(adopted.get("status").get("attempts").asInt()).isEqualTo(1);
        assertThat(adopted.get("labels").get("kind").asText()).isEqualTo("long");
        assertThat(api.logs(RUNNING)).contains("adopted");
        assertThat(TestEngine.docker().listContainersCmd().withShowAll(true)
                .withNameFilter(List.of("berth-" + RUNNING + "-2")).exec()).as("a second attempt's container").isEmpty();

        assertJob(jobs.get("ok"), "Succeeded", "Completed", 0, 1);
        assertThat(jobs.get("ok").get("labels").toString()).isEqualTo("{\"kind\":\"plain\",\"team\":\"mri\"}");
        assertThat(api.logs(id(jobs, "ok"))).contains("to stdout").contains("to stderr");
        // That release kept stdout and stderr in one text: the data says so instead of guessing.
        JsonNode okLogs = api.logsJson(id(jobs, "ok"), "");
        assertThat(okLogs.get("attempt").asInt()).isEqualTo(1);
        assertThat(okLogs.get("steps")).singleElement().satisfies(step -> {
            assertThat(step.get("name").asText()).isEqualTo("main");
            assertThat(step.get("combined").asText()).contains("to stdout").contains("to stderr");
            assertThat(step.has("stdout")).isFalse();
            assertThat(step.has("stderr")).isFalse();
        });
        assertThat(api.status("/jobs/" + id(jobs, "ok") + "/logs?stream=stdout")).isEqualTo(404);
        assertThat(phasesOfEvents(api, id(jobs, "ok"))).containsExactly("Pending", "Launching", "Running", "Succeeded");

        assertJob(jobs.get("retried"), "Failed", "BackoffLimitExceeded", 3, 2);
        JsonNode attempts = api.getJson("/jobs/" + id(jobs, "retried")).get("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.findValuesAsText("number")).containsExactly("1", "2");
        assertThat(attempts.findValuesAsText("exitCode")).containsExactly("3", "3", "3", "3"); // attempts and steps
        assertThat(attempts.get(0).get("steps").get(0).get("containerId").asText()).isNotEqualTo(
                attempts.get(1).get("steps").get(0).get("containerId").asText());
        // The previous release kept the last attempt's logs only.
        assertThat(api.logs(id(jobs, "retried"))).contains("try").contains("oops");
        assertThat(api.logs(id(jobs, "retried"), "?attempt=1")).isEmpty();

        assertJob(jobs.get("from-command"), "Succeeded", "Completed", 0, 1);
        JsonNode fromCommand = jobs.get("from-command").get("spec").get("fromCommand");
        assertThat(fromCommand.get("name").asText()).isEqualTo("RegAladin (NiftyReg)");
        assertThat(fromCommand.get("params").get("TOKEN").asText()).isEqualTo("*****");
        assertThat(api.logs(id(jobs, "from-command"))).contains("aligning t1 with token *****")
                .doesNotContain("s3cret-token");
        assertThat(api.getJson("/commands/RegAladin%20(NiftyReg)").get("version").asText()).isEqualTo("1.0");

        assertJob(jobs.get("cancelled"), "Cancelled", "Cancelled", 137, 1);
        assertThat(storedText(database)).as("the secret is nowhere but in the secrets column")
                .doesNotContain("s3cret-token");
        assertThat(secretsColumn(database)).isEqualTo("{\"TOKEN\":\"s3cret-token\"}");
    }

    /**
     * Every stored output, message, event text, spec and resolved spec, read from the H2 file after
     * the app stopped: the value lives on only in the secrets column.
     */
    private String storedText(String database) throws Exception {
        app.after();
        app = null;
        StringBuilder all = new StringBuilder();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:" + database, "sa", "");
             var statement = connection.createStatement()) {
            for (String query : List.of("SELECT content FROM job_output", "SELECT message FROM job_events",
                    "SELECT message FROM job_attempts", "SELECT message FROM job_steps", "SELECT message FROM jobs",
                    "SELECT spec FROM jobs", "SELECT resolved FROM jobs")) {
                try (var rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        all.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    private static String secretsColumn(String database) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:" + database, "sa", "");
             var rows = connection.createStatement().executeQuery("SELECT secrets FROM jobs WHERE name = 'from-command'")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void assertJob(JsonNode job, String phase, String reason, int exitCode, int attempts) {
        JsonNode status = job.get("status");
        assertThat(status.get("phase").asText()).as(job.toString()).isEqualTo(phase);
        assertThat(status.get("reason").asText()).as(job.toString()).isEqualTo(reason);
        assertThat(status.get("exitCode").asInt()).as(job.toString()).isEqualTo(exitCode);
        assertThat(status.get("attempts").asInt()).as(job.toString()).isEqualTo(attempts);
    }

    private static Map<String, JsonNode> byName(JobsApi api) {
        Map<String, JsonNode> jobs = new HashMap<>();
        api.getJson("/jobs?limit=100").get("items").forEach(job -> jobs.put(job.get("name").asText(), job));
        return jobs;
    }

    private static String id(Map<String, JsonNode> jobs, String name) {
        return jobs.get(name).get("id").asText();
    }

    private static List<String> phasesOfEvents(JobsApi api, String id) {
        List<String> phases = new ArrayList<>();
        api.getJson("/jobs/" + id + "/events").get("items").forEach(e -> phases.add(e.get("phase").asText()));
        return phases;
    }

    /** A copy under target/, so that the fixture itself is never changed; the H2 URL of the copy. */
    private static String copyOfFixture() throws Exception {
        Path copy = Path.of("target", "test-db", "upgrade-" + TestEngine.newInstanceId() + ".mv.db").toAbsolutePath();
        Files.createDirectories(copy.getParent());
        try (InputStream fixture = UpgradeFromPreviousReleaseTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(fixture).as(FIXTURE).isNotNull();
            Files.copy(fixture, copy);
        }
        return copy.toString().substring(0, copy.toString().length() - ".mv.db".length());
    }

    /** A container as the old release made it for attempt 1 of the job: its name and labels. */
    private static String startContainer(String jobId, String script) {
        String id = TestEngine.docker().createContainerCmd(TestEngine.IMAGE).withName("berth-" + jobId + "-1")
                .withLabels(Map.of("berth.managed", "true", "berth.instance", FIXTURE_INSTANCE, "berth.job", jobId,
                        "berth.attempt", "1"))
                .withCmd("sh", "-c", script).exec().getId();
        TestEngine.docker().startContainerCmd(id).exec();
        return id;
    }
}
