package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.AdminApi;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docker.swarmMode on an engine that is not a swarm manager: Berth starts, says so plainly, and
 * holds jobs Pending; it never falls back to plain containers. Runs against a second, plain engine
 * that scripts/test starts for this purpose (property berth.plainEngine).
 */
@Tag("swarm")
class NotSwarmManagerTest {
    private static final String PLAIN_ENGINE = System.getProperty("berth.plainEngine", "");
    private final String instance = TestEngine.newInstanceId();
    private DropwizardAppExtension<BerthConfiguration> app;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(!PLAIN_ENGINE.isEmpty(), "needs a plain (non-swarm) engine: run through scripts/test");
        app = BerthTestApp.create(instance, ConfigOverride.config("docker.swarmMode", "true"),
                ConfigOverride.config("docker.host", PLAIN_ENGINE));
        app.before();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.after();
        }
    }

    @Test
    void jobsStayPendingWithTheReasonAndHealthAndInfoSaySo() throws Exception {
        var api = new JobsApi(app.client(), app.getLocalPort());
        String id = api.submitJson("{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}");

        JsonNode status = awaitReason(api, id, "EngineNotSwarmManager");

        assertThat(status.get("phase").asText()).isEqualTo("Pending");
        assertThat(status.get("message").asText()).contains("not a swarm manager");
        JsonNode info = api.getJson("/info");
        assertThat(info.get("swarmMode").asBoolean()).isTrue();
        assertThat(info.get("engineSwarmManager").asBoolean()).isFalse();
        try (var health = app.client().target("http://127.0.0.1:" + app.getAdminPort() + "/healthcheck").request().get()) {
            JsonNode docker = JobsApi.read(health.readEntity(String.class)).get("docker");
            assertThat(docker.get("healthy").asBoolean()).isFalse();
            assertThat(docker.get("message").asText()).contains("not a swarm manager");
        }
        // A few more passes: the job must still not have become a container.
        new AdminApi(app.client(), app.getAdminPort()).awaitPasses(5, Duration.ofSeconds(60));
        assertThat(api.getJson("/jobs/" + id).get("status").get("phase").asText()).isEqualTo("Pending");
        assertThat(api.getJson("/jobs/" + id).get("attempts")).as("no attempt launched").isEmpty();
        try (var nodes = api.get("/nodes")) {
            assertThat(nodes.getStatus()).isEqualTo(409);
            assertThat(nodes.readEntity(String.class)).contains("not a swarm manager");
        }
    }

    private static JsonNode awaitReason(JobsApi api, String id, String reason) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        JsonNode status = api.getJson("/jobs/" + id).get("status");
        while (!reason.equals(status.path("reason").asText()) && Instant.now().isBefore(end)) {
            Thread.sleep(100);
            status = api.getJson("/jobs/" + id).get("status");
        }
        return status;
    }
}
