package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.AdminApi;
import dev.berth.support.JobsApi;
import dev.berth.support.RunningContainers;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queues, in either mode: the default queue runs at most 3 jobs at once, the queue {@code serial}
 * one, and {@code shared} one, its owners (values of the label {@code team}) taking turns; the
 * limits and the launch order are judged from the engine's own container events.
 */
abstract class QueueScenarios {
    static final Duration DEADLINE = Duration.ofSeconds(120);
    JobsApi api;
    AdminApi admin;

    abstract DropwizardAppExtension<BerthConfiguration> app();

    abstract String instance();

    static ConfigOverride[] queueConfig(boolean swarmMode) {
        return new ConfigOverride[] {ConfigOverride.config("docker.swarmMode", Boolean.toString(swarmMode)),
                ConfigOverride.config("queues.default.maxRunning", "3"),
                ConfigOverride.config("queues.serial.maxRunning", "1"),
                ConfigOverride.config("queues.shared.maxRunning", "1"),
                ConfigOverride.config("queues.shared.fairShareLabel", "team")};
    }

    @BeforeEach
    void connect() {
        api = new JobsApi(app().client(), app().getLocalPort());
        admin = new AdminApi(app().client(), app().getAdminPort());
    }

    @Test
    void twelveJobsInAQueueOfThreeNeverRunMoreThanThreeAtOnceAndAllSucceed() throws Exception {
        try (var containers = RunningContainers.of(TestEngine.docker(), instance(), Instant.now())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(api.submitJson(job("sleep 3; echo done " + i, null, null)));
            }
            for (String id : ids) {
                assertThat(api.awaitTerminal(id, DEADLINE).path("status").path("phase").asText())
                        .as("job %s", id).isEqualTo("Succeeded");
            }
            containers.awaitEnded(ids, DEADLINE);

            assertThat(containers.mostAtOnce(ids)).as("containers running at once").isEqualTo(3);
        }
    }

    @Test
    void aPausedQueueHoldsItsJobsInPlaceAndOnResumeLaunchesThemByPriorityThenAge() throws Exception {
        assertThat(post("/api/v1/queues/serial/pause").path("paused").asBoolean()).isTrue();
        try (var containers = RunningContainers.of(TestEngine.docker(), instance(), Instant.now())) {
            String low1 = api.submitJson(job("echo low1", "serial", 0));
            String high1 = api.submitJson(job("echo high1", "serial", 5));
            String low2 = api.submitJson(job("echo low2", "serial", 0));
            String high2 = api.submitJson(job("echo high2", "serial", 5));
            admin.awaitPasses(2, DEADLINE);

            for (String id : List.of(low1, high1, low2, high2)) {
                JsonNode status = api.getJson("/jobs/" + id).path("status");
                assertThat(status.path("phase").asText()).as("job %s while paused", id).isEqualTo("Pending");
                assertThat(status.path("reason").asText()).isEqualTo("Queued");
            }
            assertThat(List.of(high1, high2, low1, low2).stream()
                    .map(id -> api.getJson("/jobs/" + id).path("status").path("queuePosition").asInt()))
                    .containsExactly(1, 2, 3, 4);
            assertThat(queue("serial").path("pending").asInt()).isEqualTo(4);
            assertThat(queue("serial").path("running").asInt()).isZero();

            assertThat(post("/api/v1/queues/serial/resume").path("paused").asBoolean()).isFalse();
            for (String id : List.of(low1, high1, low2, high2)) {
                assertThat(api.awaitTerminal(id, DEADLINE).path("status").path("phase").asText()).isEqualTo("Succeeded");
            }
            List<String> ids = List.of(low1, high1, low2, high2);
            containers.awaitEnded(ids, DEADLINE);

            assertThat(containers.startOrder(ids)).containsExactly(high1, high2, low1, low2);
            assertThat(containers.mostAtOnce(ids)).isEqualTo(1);
        }
    }

    @Test
    void theOwnersOfASharedQueueTakeTurnsHoweverLongOneOwnersLineIs() throws Exception {
        post("/api/v1/queues/shared/pause");
        try (var containers = RunningContainers.of(TestEngine.docker(), instance(), Instant.now())) {
            String a1 = api.submitJson(owned("a"));
            String a2 = api.submitJson(owned("a"));
            String a3 = api.submitJson(owned("a"));
            String b1 = api.submitJson(owned("b"));
            post("/api/v1/queues/shared/resume");
            List<String> ids = List.of(a1, a2, a3, b1);
            for (String id : ids) {
                assertThat(api.awaitTerminal(id, DEADLINE).path("status").path("phase").asText()).isEqualTo("Succeeded");
            }
            containers.awaitEnded(ids, DEADLINE);

            assertThat(containers.startOrder(ids)).containsExactly(a1, b1, a2, a3);
        } finally {
            post("/api/v1/queues/shared/resume");
        }
    }

    @Test
    void anUnknownQueueOrAPriorityOutOfRangeIsRefusedAndNothingIsStored() {
        int before = api.getJson("/jobs?limit=500").path("items").size();

        var unknown = api.submit(job("true", "nowhere", null), MediaType.APPLICATION_JSON);
        var tooHigh = api.submit(job("true", null, 1001), MediaType.APPLICATION_JSON);

        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.readEntity(String.class)).contains("queue \\\"nowhere\\\" is not configured")
                .contains("default, serial");
        assertThat(tooHigh.getStatus()).isEqualTo(422);
        assertThat(tooHigh.readEntity(String.class)).contains("priority must be between -1000 and 1000");
        assertThat(api.getJson("/jobs?limit=500").path("items").size()).as("jobs stored").isEqualTo(before);
    }

    @Test
    void aWaitingJobMovesToAnotherQueueButALaunchedOneKeepsItsQueue() {
        post("/api/v1/queues/serial/pause");
        try {
            String id = api.submitJson(job("echo moved", "serial", null));
            String stays = api.submitJson(job("echo stays", "serial", null));

            try (var moved = patch(id, "{\"queue\": \"default\", \"priority\": 7}")) {
                assertThat(moved.getStatus()).isEqualTo(200);
                JsonNode spec = JobsApi.read(moved.readEntity(String.class)).path("spec");
                assertThat(spec.path("queue").asText()).isEqualTo("default");
                assertThat(spec.path("priority").asInt()).isEqualTo(7);
            }
            assertThat(api.getJson("/jobs?queue=serial").path("items").findValuesAsText("id"))
                    .contains(stays).doesNotContain(id);
            assertThat(api.getJson("/jobs?queue=default").path("items").findValuesAsText("id")).contains(id);
            assertThat(api.awaitTerminal(id, DEADLINE).path("status").path("phase").asText()).isEqualTo("Succeeded");
            try (var launched = patch(id, "{\"queue\": \"serial\"}");
                 var unknown = patch(stays, "{\"queue\": \"nowhere\"}")) {
                assertThat(launched.getStatus()).isEqualTo(409);
                assertThat(unknown.getStatus()).isEqualTo(422);
            }
            assertThat(api.getJson("/jobs/" + stays).path("spec").path("queue").asText()).isEqualTo("serial");
            assertThat(api.getJson("/jobs/" + stays).path("status").path("phase").asText()).isEqualTo("Pending");
        } finally {
            post("/api/v1/queues/serial/resume");
        }
    }

    @Test
    void theQueuesAreListedWithTheirLimitsAndAnUnknownOneCannotBePaused() {
        JsonNode queues = api.getJson("/queues");

        assertThat(queues.isArray()).isTrue();
        assertThat(queues.findValuesAsText("name")).containsExactlyInAnyOrder("default", "serial", "shared");
        assertThat(queue("default").path("maxRunning").asInt()).isEqualTo(3);
        assertThat(queue("serial").path("maxRunning").asInt()).isEqualTo(1);
        assertThat(api.status("/queues/nowhere")).isEqualTo(404);
        try (var response = app().client().target("http://127.0.0.1:" + app().getLocalPort()
                + "/api/v1/queues/nowhere/pause").request().post(Entity.json(""))) {
            assertThat(response.getStatus()).isEqualTo(404);
        }
    }

    private JsonNode queue(String name) {
        for (JsonNode queue : api.getJson("/queues")) {
            if (name.equals(queue.path("name").asText())) {
                return queue;
            }
        }
        throw new AssertionError("no queue " + name + " listed");
    }

    private JsonNode post(String path) {
        try (var response = app().client().target("http://127.0.0.1:" + app().getLocalPort() + path).request()
                .post(Entity.json(""))) {
            assertThat(response.getStatus()).as("POST %s", path).isEqualTo(200);
            return JobsApi.read(response.readEntity(String.class));
        }
    }

    private Response patch(String id, String body) {
        return app().client().target("http://127.0.0.1:" + app().getLocalPort() + "/api/v1/jobs/" + id).request()
                .property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true)
                .method("PATCH", Entity.json(body));
    }

    private static String owned(String team) {
        return """
                {"image": "%s", "command": ["sh", "-c", "echo %s"], "queue": "shared", "labels": {"team": "%s"}}"""
                .formatted(TestEngine.IMAGE, team, team);
    }

    private static String job(String script, String queue, Integer priority) {
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"]%s%s}""".formatted(TestEngine.IMAGE, script,
                queue == null ? "" : ", \"queue\": \"" + queue + "\"",
                priority == null ? "" : ", \"priority\": " + priority);
    }
}
