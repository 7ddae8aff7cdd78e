package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.AdminApi;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Jobs run as plain containers on the real engine, observed and cleaned up by Berth. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContainerJobsTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE);

    private JobsApi api;

    @BeforeEach
    void connect() {
        api = new JobsApi(APP.client(), APP.getLocalPort());
    }

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void aJobThatExitsZeroSucceedsWithItsLogsCapturedAndItsContainerRemoved() {
        String id = api.submitJson(manifest("echo hello from berth; echo to stderr >&2"));

        JsonNode job = api.awaitTerminal(id, DEADLINE);

        JsonNode status = job.get("status");
        assertThat(status.get("phase").asText()).isEqualTo("Succeeded");
        assertThat(status.get("reason").asText()).isEqualTo("Completed");
        assertThat(status.get("exitCode").asInt()).isZero();
        assertThat(JobsApi.lastAttempt(job).get("backend").asText()).isEqualTo("container");
        assertThat(status.get("startedAt").asText()).isNotEmpty();
        assertThat(status.get("finishedAt").asText()).isNotEmpty();
        assertThat(api.logs(id)).contains("hello from berth").contains("to stderr");
        // Berth writes the job's end before it removes the container (AttemptCloser): wait for the removal.
        assertThat(TestEngine.objectsLeftOf(id)).as("containers of job %s after its end", id).isEmpty();
        assertThat(phasesOfEvents(id)).containsSubsequence("Pending", "Launching", "Running", "Succeeded");
    }

    @Test
    void aJobThatExitsThreeFailsWithItsExitCode() {
        String id = api.submitJson(manifest("echo about to fail; exit 3"));

        JsonNode status = api.awaitTerminal(id, DEADLINE).get("status");

        assertThat(status.get("phase").asText()).isEqualTo("Failed");
        assertThat(status.get("reason").asText()).isEqualTo("NonZeroExit");
        assertThat(status.get("exitCode").asInt()).isEqualTo(3);
        assertThat(status.get("message").asText()).contains("3");
        assertThat(api.logs(id)).contains("about to fail");
    }

    @Test
    void envWorkingDirAndUserReachTheContainer() {
        String id = api.submitJson("""
                {"image": "%s", "command": ["sh", "-c", "echo var=$GREETING; echo dir=$(pwd); echo uid=$(id -u)"],
                 "env": {"GREETING": "hej"}, "workingDir": "/tmp", "user": "65534"}
                """.formatted(TestEngine.IMAGE));

        api.awaitTerminal(id, DEADLINE);

        assertThat(api.logs(id)).contains("var=hej").contains("dir=/tmp").contains("uid=65534");
    }

    @Test
    void aMissingImageFailsTheJobWithoutPulling() {
        String id = api.submitJson("""
                {"image": "berth-test-absent-image:never", "command": ["true"]}
                """);

        JsonNode status = api.awaitTerminal(id, DEADLINE).get("status");

        assertThat(status.get("phase").asText()).isEqualTo("Failed");
        assertThat(status.get("reason").asText()).isEqualTo("ImageNotFound");
        assertThat(status.get("message").asText()).contains("berth-test-absent-image:never");
    }

    /**
     * A gpu reservation becomes the device request of `docker run --gpus`: on this engine, which has
     * no GPU runtime, the engine itself refuses it, which proves that it was asked.
     */
    @Test
    void aGpuReservationBecomesADeviceRequestOfTheContainer() {
        String id = api.submitJson("""
                {"image": "%s", "command": ["true"], "resources": {"reservations": {"generic": {"gpu": 1}}}}
                """.formatted(TestEngine.IMAGE));

        JsonNode status = api.awaitTerminal(id, DEADLINE).get("status");

        assertThat(status.get("phase").asText()).isEqualTo("Failed");
        assertThat(status.get("reason").asText()).isEqualTo("StartFailed");
        assertThat(status.get("message").asText()).contains("could not select device driver")
                .contains("capabilities: [[gpu]]");
    }

    @Test
    void aNameGivesIdempotentSubmission() {
        String body = """
                {"name": "nightly-%s", "image": "%s", "command": ["true"], "labels": {"team": "mri"}}
                """.formatted(INSTANCE, TestEngine.IMAGE);
        String id = api.submitJson(body);

        try (var again = api.submit(body, MediaType.APPLICATION_JSON)) {
            assertThat(again.getStatus()).isEqualTo(200);
            assertThat(JobsApi.read(again.readEntity(String.class)).get("id").asText()).isEqualTo(id);
        }
        try (var different = api.submit(body.replace("\"true\"", "\"false\""), MediaType.APPLICATION_JSON)) {
            assertThat(different.getStatus()).isEqualTo(409);
            assertThat(different.readEntity(String.class)).contains("nightly-" + INSTANCE);
        }
        assertThat(api.getJson("/jobs?label=team=mri").get("items")).hasSize(1);
    }

    @Test
    void aYamlManifestIsAccepted() {
        String yaml = """
                image: %s
                command: [sh, -c, "echo from yaml"]
                labels:
                  format: yaml
                """.formatted(TestEngine.IMAGE);
        String id;
        try (var response = api.submit(yaml, "application/yaml")) {
            assertThat(response.getStatus()).isEqualTo(201);
            assertThat(response.getLocation().toString()).endsWith("/api/v1/jobs/"
                    + (id = JobsApi.read(response.readEntity(String.class)).get("id").asText()));
        }
        assertThat(api.awaitTerminal(id, DEADLINE).get("status").get("phase").asText()).isEqualTo("Succeeded");
        assertThat(api.logs(id)).contains("from yaml");
    }

    @Test
    void healthChecksAndInfoDescribeTheEngine() {
        // The reconciler check says "last successful pass" only once the loop's first pass, which
        // starts with the application, has ended: this test may run before that.
        JsonNode reconciler = new AdminApi(APP.client(), APP.getAdminPort()).awaitCheck("reconciler", true, DEADLINE);
        assertThat(reconciler.get("message").asText()).contains("last successful pass");
        try (var health = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck")
                .request().get()) {
            JsonNode checks = JobsApi.read(health.readEntity(String.class));
            assertThat(checks.get("database").get("healthy").asBoolean()).isTrue();
            assertThat(checks.get("docker").get("healthy").asBoolean()).isTrue();
            assertThat(checks.get("docker").get("message").asText()).startsWith("engine ");
            // One process on its store: it takes the lease at start and leads.
            assertThat(checks.get("lease").get("healthy").asBoolean()).isTrue();
            assertThat(checks.get("lease").get("message").asText()).contains("leads the reconciler (lease epoch ");
        }
        JsonNode info = api.getJson("/info");
        assertThat(info.get("leader").asBoolean()).isTrue();
        assertThat(info.get("member").asText()).isNotBlank().isNotEqualTo(INSTANCE);
        assertThat(info.get("engineReachable").asBoolean()).isTrue();
        assertThat(info.get("engineVersion").asText()).isNotEmpty();
        assertThat(info.get("swarmMode").asBoolean()).isFalse();
        assertThat(info.get("instanceId").asText()).isEqualTo(INSTANCE);
    }

    @Test
    void anUnknownJobIs404AndABadListingParameterIs400WithAMessage() {
        try (var response = api.get("/jobs/01m8ffbwrp67hqrgd33m0133rm")) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.readEntity(String.class)).contains("no job with id 01m8ffbwrp67hqrgd33m0133rm");
        }
        try (var response = api.get("/jobs?limit=0")) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("limit must be");
        }
        try (var response = api.get("/jobs?queue=")) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("queue must be a queue's name");
        }
    }

    private static String manifest(String script) {
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"]}
                """.formatted(TestEngine.IMAGE, script);
    }

    private java.util.List<String> phasesOfEvents(String id) {
        var phases = new java.util.ArrayList<String>();
        api.getJson("/jobs/" + id + "/events").get("items").forEach(e -> phases.add(e.get("phase").asText()));
        return phases;
    }
}
