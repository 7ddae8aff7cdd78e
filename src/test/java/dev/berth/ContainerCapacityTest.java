package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.CommandJobChecks;
import dev.berth.support.JobsApi;
import dev.berth.support.RunningContainers;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Capacity admission on plain containers, with docker.capacity.cpus at 1 (whatever the host has)
 * and room enough in the queue: what bounds the jobs here is their CPUs, judged from the engine's
 * own container events.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContainerCapacityTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.capacity.cpus", "1"), ConfigOverride.config("queues.default.maxRunning", "16"),
            ConfigOverride.config("queues.single.maxRunning", "1"));
    private JobsApi api;

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @BeforeEach
    void connect() {
        api = new JobsApi(APP.client(), APP.getLocalPort());
    }

    @Test
    void jobsOfHalfACpuEachRunTwoAtOnceTheOthersWaitSayingSoAndAllSucceed() throws Exception {
        try (var containers = RunningContainers.of(TestEngine.docker(), INSTANCE, Instant.now())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(api.submitJson(job("sleep 3; echo done " + i, 0.5)));
            }
            for (String id : ids) {
                assertThat(api.awaitTerminal(id, DEADLINE).path("status").path("phase").asText())
                        .as("job %s", id).isEqualTo("Succeeded");
            }
            containers.awaitEnded(ids, DEADLINE);

            assertThat(containers.mostAtOnce(ids)).as("containers running at once").isEqualTo(2);
            // The first two take the CPU between them; the fifth waits while two pairs run.
            assertThat(toldInsufficientCapacity(ids.get(4))).as("events of the last job").isTrue();
        }
    }

    @Test
    void aJobThatDoesNotFitNextToWhatRunsHoldsTheSmallerJobsBehindIt() throws Exception {
        try (var containers = RunningContainers.of(TestEngine.docker(), INSTANCE, Instant.now())) {
            String running = api.submitJson(job("sleep 3", 0.5));
            api.awaitPhase(running, Set.of("Running"), DEADLINE);
            String whole = api.submitJson(job("sleep 1", 1.0));
            String half = api.submitJson(job("true", 0.5));
            List<String> ids = List.of(running, whole, half);
            for (String id : ids) {
                assertThat(api.awaitTerminal(id, DEADLINE).path("status").path("phase").asText())
                        .as("job %s", id).isEqualTo("Succeeded");
            }
            containers.awaitEnded(ids, DEADLINE);

            assertThat(containers.startOrder(ids)).containsExactly(running, whole, half);
            assertThat(containers.mostAtOnce(ids)).isEqualTo(1);
            assertThat(toldInsufficientCapacity(whole)).isTrue();
        }
    }

    @Test
    void aJobLargerThanTheWholeCapacityWaitsQueuedWithoutFailingOrHoldingOthers() {
        String huge = api.submitJson(job("true", 1.5));
        String small = api.submitJson(job("true", 0.5));

        assertThat(api.awaitTerminal(small, DEADLINE).path("status").path("phase").asText()).isEqualTo("Succeeded");
        JsonNode status = api.getJson("/jobs/" + huge).path("status");
        assertThat(status.path("phase").asText()).isEqualTo("Pending");
        assertThat(status.path("reason").asText()).isEqualTo("Queued");
        assertThat(status.path("message").asText()).isEqualTo("insufficient capacity");
        api.cancel(huge);
        assertThat(api.awaitTerminal(huge, DEADLINE).path("status").path("phase").asText()).isEqualTo("Cancelled");
    }

    @Test
    void aJobLargerThanTheWholeCapacityDoesNotHoldUpAQueueOfOne() {
        String huge = api.submitJson(job("true", 1.5, "single"));
        String small = api.submitJson(job("true", 0.5, "single"));

        assertThat(api.awaitTerminal(small, DEADLINE).path("status").path("phase").asText()).isEqualTo("Succeeded");
        assertThat(api.getJson("/jobs/" + huge).path("status").path("message").asText())
                .isEqualTo("insufficient capacity");
        api.cancel(huge);
        assertThat(api.awaitTerminal(huge, DEADLINE).path("status").path("phase").asText()).isEqualTo("Cancelled");
    }

    @Test
    void jobsFromACommandTakeTheCommandsCpuLimit() throws Exception {
        CommandJobChecks.register(APP.client(), APP.getLocalPort(), "capacity-sleeper", """
                {"name": "capacity-sleeper", "image": "%s", "command-line": "sleep 2", "limit-cpu": 0.75}
                """.formatted(TestEngine.IMAGE));
        try (var containers = RunningContainers.of(TestEngine.docker(), INSTANCE, Instant.now())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(api.submitJson("{\"fromCommand\": {\"name\": \"capacity-sleeper\"}}"));
            }
            for (String id : ids) {
                assertThat(api.awaitTerminal(id, DEADLINE).path("status").path("phase").asText())
                        .as("job %s", id).isEqualTo("Succeeded");
            }
            containers.awaitEnded(ids, DEADLINE);

            // 0.75 CPU each, of 1: one at a time, though the jobs' own manifests name no resources.
            assertThat(containers.mostAtOnce(ids)).isEqualTo(1);
        }
    }

    private boolean toldInsufficientCapacity(String id) {
        for (JsonNode event : api.getJson("/jobs/" + id + "/events").path("items")) {
            if ("Queued".equals(event.path("reason").asText())
                    && "insufficient capacity".equals(event.path("message").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String job(String script, double cpus) {
        return job(script, cpus, "default");
    }

    private static String job(String script, double cpus, String queue) {
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"], "resources": {"cpus": %s}, "queue": "%s"}"""
                .formatted(TestEngine.IMAGE, script, cpus, queue);
    }
}
