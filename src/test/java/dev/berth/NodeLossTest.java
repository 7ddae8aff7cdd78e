package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import dev.berth.support.AttemptStep;
import dev.berth.support.Await;
import dev.berth.support.BerthTestApp;
import dev.berth.support.DockerClients;
import dev.berth.support.JobsApi;
import dev.berth.support.LabSwarm;
import dev.berth.support.OnTheBed;
import dev.berth.support.ObjectEvents;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A worker of the bed is lost under running jobs (its dockerd SIGKILLed) or drained: the jobs on it
 * run again elsewhere, without using their backoffLimit, and each attempt had exactly one service.
 */
class NodeLossTest extends OnTheBed {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(180);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.onLab(INSTANCE, "5s");

    @Override
    protected DropwizardAppExtension<BerthConfiguration> app() {
        return APP;
    }

    @AfterAll
    static void cleanUp() {
        LabSwarm.removeAllOf(INSTANCE);
    }

    @Test
    void jobsOnAWorkerThatDiesRunAgainElsewhereWithOneServicePerAttempt() throws Exception {
        Instant since = Instant.now();
        List<String> ids = new ArrayList<>();
        try (ObjectEvents services = ObjectEvents.services(DockerClients.streams(LabSwarm.MANAGER), since)) {
            for (int i = 0; i < 4; i++) {
                ids.add(api.submitJson(onWorkers("sleep 12; echo finished")));
            }
            List<JsonNode> running = new ArrayList<>();
            for (String id : ids) {
                running.add(api.awaitPhase(id, Set.of("Running"), DEADLINE));
            }
            List<String> onW2 = running.stream()
                    .filter(job -> "berth-lab-w2".equals(JobsApi.lastAttempt(job).path("nodeHostname").asText()))
                    .map(job -> job.get("id").asText()).toList();
            assertThat(onW2).as("the swarm spread the four jobs over both workers").isNotEmpty().hasSizeLessThan(4);

            try {
                LabSwarm.killNode(2);
                for (String id : ids) {
                    JsonNode job = api.awaitTerminal(id, DEADLINE);
                    assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
                    assertThat(api.logs(id)).isEqualTo("finished\n");
                    assertThat(JobsApi.lastAttempt(job).get("nodeHostname").asText()).isEqualTo("berth-lab-w1");
                    if (onW2.contains(id)) {
                        assertLostThenRanOnW1(job);
                    } else {
                        assertThat(job.get("attempts").size()).as(job.toString()).isEqualTo(1);
                    }
                }
                services.awaitRemovalOfEverythingCreated(TestEngine.REMOVAL);
                Map<AttemptStep, Integer> created = services.created();
                for (String id : ids) {
                    int attempts = onW2.contains(id) ? 2 : 1;
                    for (int n = 1; n <= attempts; n++) {
                        assertThat(created.get(new AttemptStep(id, n, 0))).as("services of " + id + " attempt " + n)
                                .isEqualTo(1);
                    }
                    assertThat(created.get(new AttemptStep(id, attempts + 1, 0))).isNull();
                }
            } finally {
                LabSwarm.restartNode(2);
            }
            // Back, the node must not run or keep the lost tasks' containers: their services are gone.
            var w2 = LabSwarm.node("w2");
            var labels = Map.of("berth.managed", "true", "berth.instance", INSTANCE);
            Await.until(() -> w2.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec(),
                    List::isEmpty, Duration.ofSeconds(60));
            assertThat(w2.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()).isEmpty();
        }
    }

    @Test
    void aJobOnADrainedNodeRunsAgainOnAnotherWithReasonNodeDrained() {
        String id = api.submitJson(onWorkers("sleep 20; echo finished"));
        JsonNode running = api.awaitPhase(id, Set.of("Running"), DEADLINE);
        String drained = JobsApi.lastAttempt(running).get("nodeHostname").asText();
        String nodeId = JobsApi.lastAttempt(running).get("nodeId").asText();
        String other = drained.equals("berth-lab-w1") ? "berth-lab-w2" : "berth-lab-w1";
        try {
            LabSwarm.setAvailability(nodeId, SwarmNodeAvailability.DRAIN);

            JsonNode job = api.awaitTerminal(id, DEADLINE);

            assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
            JsonNode first = job.get("attempts").get(0);
            assertThat(first.get("phase").asText()).isEqualTo("Lost");
            assertThat(first.get("reason").asText()).isEqualTo("NodeDrained");
            assertThat(first.get("message").asText()).isEqualTo("node " + drained
                    + " was drained: the swarm shut the task down");
            assertThat(JobsApi.lastAttempt(job).get("nodeHostname").asText()).isEqualTo(other);
            assertThat(job.get("status").get("nodeLosses").asInt()).isEqualTo(1);
            assertThat(api.logs(id)).isEqualTo("finished\n");
        } finally {
            LabSwarm.setAvailability(nodeId, SwarmNodeAvailability.ACTIVE);
        }
    }

    /** Attempt 1 was lost with w2 (backoffLimit 0 notwithstanding), attempt 2 ran on w1. */
    private static void assertLostThenRanOnW1(JsonNode job) {
        JsonNode attempts = job.get("attempts");
        assertThat(attempts.size()).as(job.toString()).isEqualTo(2);
        JsonNode lost = attempts.get(0);
        assertThat(lost.get("phase").asText()).isEqualTo("Lost");
        assertThat(lost.get("reason").asText()).isEqualTo("NodeLost");
        assertThat(lost.get("message").asText()).contains("berth-lab-w2").contains("for over 5 s");
        assertThat(lost.get("nodeHostname").asText()).isEqualTo("berth-lab-w2");
        assertThat(attempts.get(1).get("nodeHostname").asText()).isEqualTo("berth-lab-w1");
        assertThat(job.get("status").get("nodeLosses").asInt()).isEqualTo(1);
    }

    /** Workers only, so that losing one leaves exactly one place to run again. */
    private static String onWorkers(String script) {
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"], "placement": {"constraints": ["node.role==worker"]}}"""
                .formatted(LabSwarm.IMAGE, script);
    }
}
