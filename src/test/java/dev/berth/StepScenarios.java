package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.Await;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Jobs of several steps over a shared volume, attempts with their own logs, stdout and stderr apart.
 * The lifecycle tests of each mode run these too, on their app (short back-off and stop grace).
 */
interface StepScenarios {
    Duration DEADLINE = Duration.ofSeconds(120);

    DropwizardAppExtension<BerthConfiguration> app();

    Path mountRoot();

    JobsApi api();

    @Test
    default void theSecondStepReadsWhatTheFirstWroteIntoTheSharedVolume() {
        String id = api().submitJson(twoSteps("echo written by prepare > /shared/note; echo prepared; echo a warning >&2",
                "", "cat /shared/note; echo main done", ""));

        JsonNode job = api().awaitTerminal(id, DEADLINE);

        JsonNode status = job.get("status");
        assertThat(status.get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(status.get("exitCode").asInt()).isZero();
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
        JsonNode attempt = JobsApi.lastAttempt(job);
        assertThat(attempt.get("phase").asText()).isEqualTo("Succeeded");
        assertThat(attempt.get("startedAt").asText()).isNotEmpty();
        assertThat(attempt.get("finishedAt").asText()).isNotEmpty();
        assertThat(attempt.get("steps")).hasSize(2);
        for (JsonNode step : attempt.get("steps")) {
            assertThat(step.get("phase").asText()).isEqualTo("Succeeded");
            assertThat(step.get("exitCode").asInt()).isZero();
            assertThat(step.get("startedAt").asText()).isNotEmpty();
        }
        assertThat(names(attempt.get("steps"))).containsExactly("prepare", "main");
        assertThat(api().logs(id)).isEqualTo("prepared\na warning\nwritten by prepare\nmain done\n");
        assertThat(api().logs(id, "?step=main")).isEqualTo("written by prepare\nmain done\n");
        assertThat(api().logs(id, "?stream=stderr")).isEqualTo("a warning\n");

        JsonNode logs = api().logsJson(id, "");
        assertThat(logs.get("attempt").asInt()).isEqualTo(1);
        JsonNode prepare = logs.get("steps").get(0);
        assertThat(prepare.get("name").asText()).isEqualTo("prepare");
        assertThat(prepare.get("exitCode").asInt()).isZero();
        assertThat(prepare.get("stdout").asText()).isEqualTo("prepared\n");
        assertThat(prepare.get("stderr").asText()).isEqualTo("a warning\n");
        assertThat(prepare.get("truncated").asBoolean()).isFalse();
        assertThat(logs.get("steps").get(1).get("stdout").asText()).isEqualTo("written by prepare\nmain done\n");
        assertThat(api().logsJson(id, "?step=main&stream=stdout").get("steps")).singleElement()
                .satisfies(step -> assertThat(step.has("stderr")).isFalse());
        assertThat(TestEngine.objectsLeftOf(id)).as("the steps' objects and the shared volume are removed").isEmpty();
    }

    /**
     * Each follow starts before its step runs: the first waits for prepare and ends with it, the
     * second waits for main; neither carries the other step's lines.
     */
    @Test
    default void followingOneStepStreamsThatStepOnlyUntilItEnds() {
        String id = api().submitJson(twoSteps("echo prepare line; sleep 1; echo prepare done", "",
                "echo main line", ""));

        String prepare = api().logs(id, "?follow=true&step=prepare");
        String main = api().logs(id, "?follow=true&step=main");

        assertThat(prepare).isEqualTo("prepare line\nprepare done\n");
        assertThat(main).isEqualTo("main line\n");
        assertThat(api().awaitTerminal(id, DEADLINE).path("status").path("phase").asText()).isEqualTo("Succeeded");
        assertThat(api().logs(id, "?follow=true&step=prepare")).as("a step that is over").isEqualTo("prepare line\nprepare done\n");
        try (var unknown = api().get("/jobs/" + id + "/logs?follow=true&step=nothing")) {
            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(unknown.readEntity(String.class)).contains("has no step named nothing (its steps: [prepare, main])");
        }
    }

    @Test
    default void aFailingFirstStepSkipsTheSecondAndTheJobFailsWithItsExitCodeNamingIt() {
        String id = api().submitJson(twoSteps("echo trying; exit 3", "", "echo must not run", ""));

        JsonNode job = api().awaitTerminal(id, DEADLINE);

        JsonNode status = job.get("status");
        assertThat(status.get("phase").asText()).as(job.toString()).isEqualTo("Failed");
        assertThat(status.get("reason").asText()).isEqualTo("NonZeroExit");
        assertThat(status.get("exitCode").asInt()).isEqualTo(3);
        assertThat(status.get("message").asText()).contains("step prepare").contains("exited with code 3");
        JsonNode steps = JobsApi.lastAttempt(job).get("steps");
        assertThat(steps.get(0).get("phase").asText()).isEqualTo("Failed");
        assertThat(steps.get(0).get("exitCode").asInt()).isEqualTo(3);
        assertThat(steps.get(1).get("phase").asText()).isEqualTo("Skipped");
        assertThat(steps.get(1).get("reason").asText()).isEqualTo("StepFailed");
        assertThat(steps.get(1).has("containerId")).isFalse();
        assertThat(steps.get(1).has("serviceId")).isFalse();
        assertThat(api().logs(id)).isEqualTo("trying\n");
    }

    @Test
    default void withContinueOnErrorTheNextStepRunsAndTheJobSucceeds() {
        String id = api().submitJson(twoSteps("exit 4", ", \"continueOnError\": true", "echo ran anyway", ""));

        JsonNode job = api().awaitTerminal(id, DEADLINE);

        assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(job.get("status").get("exitCode").asInt()).isZero();
        JsonNode steps = JobsApi.lastAttempt(job).get("steps");
        assertThat(steps.get(0).get("phase").asText()).isEqualTo("Failed");
        assertThat(steps.get(0).get("exitCode").asInt()).isEqualTo(4);
        assertThat(steps.get(1).get("phase").asText()).isEqualTo("Succeeded");
        assertThat(api().logs(id, "?step=main")).isEqualTo("ran anyway\n");
    }

    @Test
    default void everyAttemptOfARetriedJobKeepsItsOwnLogs() throws Exception {
        Path counter = Files.createTempDirectory(mountRoot(), "counter");
        String id = api().submitJson("""
                {"image": "%s", "command": ["sh", "-c", "n=$(cat /work/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /work/n; echo try $n; echo oops $n >&2; test $n -ge 2"],
                 "mounts": [{"source": "%s", "target": "/work"}], "policy": {"backoffLimit": 2}}
                """.formatted(TestEngine.IMAGE, counter));

        JsonNode job = api().awaitTerminal(id, DEADLINE);

        assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(job.get("attempts")).hasSize(2);
        assertThat(job.get("attempts").get(0).get("exitCode").asInt()).isEqualTo(1);
        assertThat(api().logs(id, "?attempt=1")).isEqualTo("try 1\noops 1\n");
        assertThat(api().logs(id, "?attempt=2")).isEqualTo("try 2\noops 2\n");
        assertThat(api().logs(id)).isEqualTo("try 2\noops 2\n");
        assertThat(api().logsJson(id, "?attempt=1").get("steps").get(0).get("stderr").asText()).isEqualTo("oops 1\n");
        assertThat(api().status("/jobs/" + id + "/logs?attempt=3")).isEqualTo(404);
        assertThat(api().status("/jobs/" + id + "/logs?attempt=0")).isEqualTo(400);
        assertThat(api().status("/jobs/" + id + "/logs?stream=both")).isEqualTo(400);
        assertThat(api().status("/jobs/" + id + "/logs?step=nosuch")).isEqualTo(404);
    }

    @Test
    default void aCancelDuringTheSecondStepStopsItAndSkipsTheRest() {
        String id = api().submitJson("""
                {"volumes": ["/shared"], "steps": [
                  {"name": "prepare", "image": "%1$s", "command": ["sh", "-c", "echo ready > /shared/flag"]},
                  {"name": "main", "image": "%1$s", "command": ["sh", "-c", "echo in main; sleep 60"]},
                  {"name": "wrapup", "image": "%1$s", "command": ["sh", "-c", "echo must not run"]}]}
                """.formatted(TestEngine.IMAGE));
        JsonNode running = Await.until(() -> api().getJson("/jobs/" + id),
                job -> "Running".equals(job.path("attempts").path(0).path("steps").path(1).path("phase").asText()),
                DEADLINE);
        JsonNode main = running.path("attempts").path(0).path("steps").path(1);
        // The second step (index 1) of attempt 1 has a name of its own, deterministic like every other.
        String name = main.hasNonNull("serviceId")
                ? TestEngine.docker().inspectServiceCmd(main.get("serviceId").asText()).exec().getSpec().getName()
                : TestEngine.docker().inspectContainerCmd(main.get("containerId").asText()).exec().getName();
        assertThat(name).isIn("berth-" + id + "-1-1", "/berth-" + id + "-1-1");
        if (main.hasNonNull("serviceId")) {
            // Swarm mode: the step after the first is held to the first step's node, where the volume is.
            var placement = TestEngine.docker().inspectServiceCmd(main.get("serviceId").asText()).exec().getSpec()
                    .getTaskTemplate().getPlacement();
            assertThat(placement.getConstraints())
                    .containsExactly("node.id==" + running.path("attempts").path(0).path("nodeId").asText());
            assertThat(main.get("nodeId").asText()).isEqualTo(running.path("attempts").path(0).path("nodeId").asText());
        }

        try (var response = app().client().target("http://127.0.0.1:" + app().getLocalPort() + "/api/v1/jobs/" + id
                + "/cancel").request().post(Entity.json(""))) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
        JsonNode job = api().awaitTerminal(id, DEADLINE);

        assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Cancelled");
        JsonNode steps = JobsApi.lastAttempt(job).get("steps");
        assertThat(steps.get(0).get("phase").asText()).isEqualTo("Succeeded");
        assertThat(steps.get(1).get("phase").asText()).isEqualTo("Cancelled");
        assertThat(steps.get(2).get("phase").asText()).isEqualTo("Skipped");
        assertThat(steps.get(2).get("reason").asText()).isEqualTo("Cancelled");
        assertThat(api().logs(id, "?step=main")).contains("in main");
        assertThat(TestEngine.objectsLeftOf(id)).isEmpty();
    }

    private static String twoSteps(String first, String firstExtra, String second, String secondExtra) {
        return """
                {"volumes": ["/shared"], "steps": [
                  {"name": "prepare", "image": "%1$s", "command": ["sh", "-c", "%2$s"]%3$s},
                  {"name": "main", "image": "%1$s", "command": ["sh", "-c", "%4$s"]%5$s}]}
                """.formatted(TestEngine.IMAGE, first, firstExtra, second, secondExtra);
    }

    private static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(step -> names.add(step.get("name").asText()));
        return names;
    }

}
