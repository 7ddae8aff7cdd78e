package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.Await;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancel, retries, deadlines, retention and following logs, run in each mode by a subclass (which
 * runs the {@link StepScenarios} on the same app).
 */
abstract class LifecycleScenarios {
    static final Duration DEADLINE = Duration.ofSeconds(120);

    public abstract DropwizardAppExtension<BerthConfiguration> app();

    public abstract Path mountRoot();

    /** Short back-off and stop grace, so that the scenarios take seconds, not minutes. */
    static ConfigOverride[] lifecycleConfig(String instance, Path root, boolean swarm) {
        return new ConfigOverride[] {
            ConfigOverride.config("docker.swarmMode", Boolean.toString(swarm)),
            ConfigOverride.config("reconciler.initialBackoff", "200ms"),
            ConfigOverride.config("docker.stopTimeout", "1s"),
            ConfigOverride.config("docker.allowedMountRoots", root.toString())};
    }

    public JobsApi api() {
        return new JobsApi(app().client(), app().getLocalPort());
    }

    @Test
    void aRunningJobIsCancelledAndItsObjectGoes() {
        String id = api().submitJson(script("echo started; sleep 60", ""));
        api().awaitPhase(id, Set.of("Running"), DEADLINE);

        JsonNode afterRequest = post("/jobs/" + id + "/cancel", 200);
        JsonNode status = api().awaitTerminal(id, DEADLINE).get("status");

        assertThat(afterRequest.get("spec").get("desired").asText()).isEqualTo("Cancel");
        assertThat(status.get("phase").asText()).isEqualTo("Cancelled");
        assertThat(status.get("reason").asText()).isEqualTo("Cancelled");
        assertThat(api().logs(id)).contains("started");
        assertThat(TestEngine.objectsLeftOf(id)).as("containers and services of job %s after it was cancelled", id)
                .isEmpty();
        post("/jobs/" + id + "/cancel", 409);
    }

    @Test
    void aJobThatFailsTwiceThenSucceedsRunsThreeAttempts() throws Exception {
        Path state = Files.createTempDirectory(mountRoot(), "counter");
        state.toFile().setWritable(true, false);
        String id = api().submitJson("""
                {"image": "%s", "command": ["sh", "-c", "n=$(cat /state/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /state/n; echo attempt $n; [ $n -ge 3 ]"],
                 "mounts": [{"source": "%s", "target": "/state"}], "policy": {"backoffLimit": 2}}
                """.formatted(TestEngine.IMAGE, state));

        JsonNode job = api().awaitTerminal(id, DEADLINE);
        JsonNode status = job.get("status");

        assertThat(status.get("phase").asText()).isEqualTo("Succeeded");
        assertThat(status.get("attempts").asInt()).isEqualTo(3);
        List<String> exitCodes = new java.util.ArrayList<>();
        job.get("attempts").forEach(attempt -> exitCodes.add(attempt.get("exitCode").asText()));
        assertThat(exitCodes).containsExactly("1", "1", "0");
        assertThat(api().logs(id)).contains("attempt 3");
        assertThat(reasonsOfEvents(id)).containsSubsequence("BackOff", "BackOff", "Completed");
    }

    @Test
    void onlyListedExitCodesAreRetried() {
        String id = api().submitJson(script("exit 4", ", \"policy\": {\"backoffLimit\": 3, \"retryOnExitCodes\": [3]}"));

        JsonNode status = api().awaitTerminal(id, DEADLINE).get("status");

        assertThat(status.get("reason").asText()).isEqualTo("NonZeroExit");
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void whenRetriesRunOutTheJobFailsWithBackoffLimitExceeded() {
        String id = api().submitJson(script("exit 3", ", \"policy\": {\"backoffLimit\": 1, \"retryOnExitCodes\": [3]}"));

        JsonNode status = api().awaitTerminal(id, DEADLINE).get("status");

        assertThat(status.get("reason").asText()).isEqualTo("BackoffLimitExceeded");
        assertThat(status.get("exitCode").asInt()).isEqualTo(3);
        assertThat(status.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aJobPastItsDeadlineIsStoppedAndNotRetried() {
        String id = api().submitJson(script("sleep 60", ", \"policy\": {\"backoffLimit\": 2, \"activeDeadlineSeconds\": 1}"));

        JsonNode status = api().awaitTerminal(id, DEADLINE).get("status");

        assertThat(status.get("phase").asText()).isEqualTo("Failed");
        assertThat(status.get("reason").asText()).isEqualTo("DeadlineExceeded");
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
        assertThat(TestEngine.objectsLeftOf(id)).as("containers and services of job %s after its deadline", id)
                .isEmpty();
    }

    @Test
    void aFinishedJobIsDeletedWhenItsTtlRunsOut() {
        String id = api().submitJson(script("exit 0", ", \"policy\": {\"ttlSecondsAfterFinished\": 1}"));
        assertThat(api().awaitTerminal(id, DEADLINE).get("status").get("expiresAt").asText()).isNotEmpty();

        int code = Await.until(() -> status("/jobs/" + id), answer -> answer != 200, DEADLINE);

        assertThat(code).isEqualTo(404);
        assertThat(status("/jobs/" + id + "/events")).isEqualTo(404);
    }

    @Test
    void aFinishedJobCanBeDeletedButALiveOneMustBeCancelledFirst() {
        String done = api().submitJson(script("exit 0", ""));
        api().awaitTerminal(done, DEADLINE);
        String live = api().submitJson(script("sleep 60", ""));
        api().awaitPhase(live, Set.of("Running"), DEADLINE);

        try (var conflict = target("/jobs/" + live).request().delete()) {
            assertThat(conflict.getStatus()).isEqualTo(409);
            assertThat(conflict.readEntity(String.class)).contains("cancel it first");
        }
        try (var deleted = target("/jobs/" + done).request().delete()) {
            assertThat(deleted.getStatus()).isEqualTo(204);
        }
        assertThat(status("/jobs/" + done)).isEqualTo(404);
        post("/jobs/" + live + "/cancel", 200);
    }

    /** Also compressed: browsers always accept gzip, and gzip must not hold the lines back. */
    @ParameterizedTest(name = "gzip: {0}")
    @ValueSource(booleans = {false, true})
    void followStreamsTheLinesOfARunningJobUntilItEnds(boolean gzip) throws Exception {
        // The job waits at a gate after its first line, so that line must reach the follower while
        // the job still runs; the test opens the gate once it has read it. The deadline ends the job
        // (and so the stream) should the line never come: the test then fails rather than hangs.
        Path gate = Files.createDirectories(mountRoot().resolve("gate-" + System.nanoTime()));
        String id = api().submitJson(script("echo line1; while [ ! -e /gate/open ]; do sleep 0.1; done; echo line2; echo line3",
                ", \"mounts\": [{\"source\": \"" + gate + "\", \"target\": \"/gate\", \"readOnly\": true}],"
                + " \"policy\": {\"activeDeadlineSeconds\": 90}"));
        api().awaitPhase(id, Set.of("Running"), DEADLINE);

        List<String> lines = new ArrayList<>();
        String phaseAtFirstLine;
        var request = target("/jobs/" + id + "/logs?follow=true").request();
        try (var response = (gzip ? request.header("Accept-Encoding", "gzip") : request).get();
             InputStream body = body(response, gzip)) {
            lines.add(readLine(body));
            phaseAtFirstLine = api().getJson("/jobs/" + id).get("status").get("phase").asText();
            Files.createFile(gate.resolve("open"));
            for (String line = readLine(body); line != null; line = readLine(body)) {
                lines.add(line);
            }
        }

        assertThat(lines.get(0)).isEqualTo("line1");
        assertThat(phaseAtFirstLine).isEqualTo("Running");
        assertThat(lines).containsSubsequence("line1", "line2", "line3");
        assertThat(api().awaitTerminal(id, DEADLINE).get("status").get("phase").asText()).isEqualTo("Succeeded");
        assertThat(text("/jobs/" + id + "/logs?tail=2")).isEqualTo("line2\nline3\n");
    }

    /**
     * One line, or null at the end, read byte by byte: a BufferedReader over a GZIPInputStream waits
     * for more than the line (the inflater says bytes are always available), so it would block on a
     * line that has arrived.
     */
    private static String readLine(InputStream body) throws java.io.IOException {
        var line = new java.io.ByteArrayOutputStream();
        for (int b = body.read(); b != -1; b = body.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() > 0 ? line.toString(StandardCharsets.UTF_8) : null;
    }

    private static InputStream body(jakarta.ws.rs.core.Response response, boolean gzip) throws java.io.IOException {
        InputStream raw = response.readEntity(InputStream.class);
        if (!gzip) {
            return raw;
        }
        assertThat(response.getHeaderString("Content-Encoding")).isEqualTo("gzip");
        return new java.util.zip.GZIPInputStream(raw);
    }

    static String script(String script, String extra) {
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"]%s}
                """.formatted(TestEngine.IMAGE, script, extra);
    }

    jakarta.ws.rs.client.WebTarget target(String path) {
        return app().client().target("http://127.0.0.1:" + app().getLocalPort() + "/api/v1" + path);
    }

    JsonNode post(String path, int expected) {
        try (var response = target(path).request().post(Entity.json(""))) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(expected);
            return JobsApi.read(body);
        }
    }

    int status(String path) {
        try (var response = target(path).request().get()) {
            return response.getStatus();
        }
    }

    String text(String path) {
        try (var response = target(path).request().get()) {
            return response.readEntity(String.class);
        }
    }

    List<String> reasonsOfEvents(String id) {
        List<String> reasons = new ArrayList<>();
        api().getJson("/jobs/" + id + "/events").get("items").forEach(e -> reasons.add(e.get("reason").asText()));
        return reasons;
    }
}
