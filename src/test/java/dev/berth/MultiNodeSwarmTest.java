package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.Await;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.LabSwarm;
import dev.berth.support.OnTheBed;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Swarm mode on the bed of scripts/swarm-lab: a manager and two workers, each its own dockerd, and a
 * registry. The workers start without the test image: they can only get it from the registry.
 */
class MultiNodeSwarmTest extends OnTheBed {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(120);
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
    void anImageInTheRegistryRunsOnEveryNodeByItsDigest() {
        // Long enough that the swarm, which spreads tasks over the least loaded nodes, gives each node some.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(api.submitJson(job(LabSwarm.IMAGE, "sleep 3; echo ran")));
        }

        Set<String> nodes = new HashSet<>();
        for (String id : ids) {
            JsonNode job = api.awaitTerminal(id, DEADLINE);
            assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
            JsonNode attempt = JobsApi.lastAttempt(job);
            nodes.add(attempt.get("nodeHostname").asText());
            assertThat(JobsApi.firstStep(job).get("nodeHostname").asText()).isEqualTo(attempt.get("nodeHostname").asText());
            assertThat(api.logs(id)).isEqualTo("ran\n");
        }
        assertThat(nodes).as("the nodes the six jobs ran on")
                .containsExactlyInAnyOrder("berth-lab-manager", "berth-lab-w1", "berth-lab-w2");
    }

    @Test
    void anImageNamedByTagBecomesItsRegistryDigestInTheService() {
        String id = api.submitJson(job(LabSwarm.imageByTag(), "sleep 300"));
        JsonNode job = api.awaitPhase(id, Set.of("Running"), DEADLINE);

        String serviceId = JobsApi.firstStep(job).get("serviceId").asText();
        String image = LabSwarm.manager().inspectServiceCmd(serviceId).exec().getSpec().getTaskTemplate()
                .getContainerSpec().getImage();

        assertThat(image).isEqualTo(LabSwarm.IMAGE);
        api.cancel(id);
        assertThat(api.awaitTerminal(id, DEADLINE).get("status").get("phase").asText()).isEqualTo("Cancelled");
    }

    @Test
    void aLocalImageWithoutADigestIsRefusedOnASwarmOfSeveralNodes() {
        String local = localOnlyImage();

        JsonNode status = api.awaitTerminal(api.submitJson(job(local, "true")), DEADLINE).get("status");

        assertThat(status.get("phase").asText()).isEqualTo("Failed");
        assertThat(status.get("reason").asText()).isEqualTo("ImageNotDistributable");
        assertThat(status.get("message").asText()).contains("has no registry digest")
                .contains("3-node swarm").contains("docker.swarm.imagesDistributedByHand");
    }

    @Test
    void anImageNoNodeCanGetIsImageNotFoundNamingTheNode() {
        String absent = LabSwarm.IMAGE.substring(0, LabSwarm.IMAGE.indexOf('@'))
                + "@sha256:" + "0".repeat(63) + "1";

        JsonNode status = api.awaitTerminal(api.submitJson(job(absent, "true")), DEADLINE).get("status");

        assertThat(status.get("phase").asText()).isEqualTo("Failed");
        assertThat(status.get("reason").asText()).isEqualTo("ImageNotFound");
        assertThat(status.get("message").asText()).matches("node berth-lab-(manager|w1|w2) could not get the image: .*");
    }

    @Test
    void aConstraintPutsTheJobOnTheNodeThatMeetsIt() {
        String id = api.submitJson(placed("echo placed", """
                {"constraints": ["node.labels.zone==b", "node.role!=manager"],
                 "preferences": [{"spread": "node.labels.zone"}]}"""));

        JsonNode job = api.awaitTerminal(id, DEADLINE);

        assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(JobsApi.lastAttempt(job).get("nodeHostname").asText()).isEqualTo("berth-lab-w2");
        assertThat(JobsApi.lastAttempt(job).get("nodeId").asText()).isEqualTo(LabSwarm.nodeId("berth-lab-w2"));
    }

    @Test
    void aJobNoNodeCanTakeIsPendingUnschedulableInTheSwarmsWordsUntilCancelled() {
        String id = api.submitJson(placed("echo never", """
                {"constraints": ["node.labels.zone==nowhere"]}"""));

        JsonNode job = Await.until(() -> api.getJson("/jobs/" + id),
                read -> "Unschedulable".equals(read.path("status").path("reason").asText()), DEADLINE);

        assertThat(job.get("status").get("phase").asText()).isEqualTo("Pending");
        assertThat(job.get("status").get("message").asText())
                .startsWith("no suitable node (scheduling constraints not satisfied on 3 nodes");
        assertThat(JobsApi.lastAttempt(job).get("phase").asText()).isEqualTo("Pending");
        String serviceId = JobsApi.firstStep(job).get("serviceId").asText();
        assertThat(LabSwarm.manager().inspectServiceCmd(serviceId).exec().getSpec().getTaskTemplate().getPlacement()
                .getConstraints()).containsExactly("node.labels.zone==nowhere");

        api.cancel(id);

        JsonNode cancelled = api.awaitTerminal(id, DEADLINE);
        assertThat(cancelled.get("status").get("phase").asText()).isEqualTo("Cancelled");
        Await.until(() -> LabSwarm.manager().listServicesCmd().withIdFilter(List.of(serviceId)).exec(),
                List::isEmpty, TestEngine.REMOVAL);
        assertThat(LabSwarm.manager().listServicesCmd().withIdFilter(List.of(serviceId)).exec()).isEmpty();
    }

    @Test
    void aJobUnschedulableForLongerThanItsScheduleTimeoutFails() {
        String id = api.submitJson("""
                {"image": "%s", "command": ["true"], "placement": {"constraints": ["node.labels.zone==nowhere"]},
                 "policy": {"scheduleTimeoutSeconds": 3}}""".formatted(LabSwarm.IMAGE));

        JsonNode status = api.awaitTerminal(id, DEADLINE).get("status");

        assertThat(status.get("phase").asText()).isEqualTo("Failed");
        assertThat(status.get("reason").asText()).isEqualTo("Unschedulable");
        assertThat(status.get("message").asText())
                .startsWith("no node could take it within policy.scheduleTimeoutSeconds (3 s): no suitable node");
    }

    @Test
    void onlyTheNodeWithGpusGetsGpuJobsAndAThirdWaitsForOneOfItsTwo() {
        String gpuJob = """
                {"image": "%s", "command": ["sh", "-c", "echo gpu=$DOCKER_RESOURCE_GPU; sleep 6"],
                 "resources": {"reservations": {"generic": {"gpu": 1}}}}""".formatted(LabSwarm.IMAGE);
        List<String> ids = List.of(api.submitJson(gpuJob), api.submitJson(gpuJob), api.submitJson(gpuJob));

        JsonNode waiting = Await.until(() -> firstUnschedulable(ids), java.util.Objects::nonNull, DEADLINE);
        assertThat(waiting).as("one of three jobs waits for a gpu").isNotNull();
        assertThat(waiting.get("status").get("message").asText()).contains("insufficient resources");

        Set<String> gpusSeen = new HashSet<>();
        for (String id : ids) {
            JsonNode job = api.awaitTerminal(id, DEADLINE);
            assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
            assertThat(JobsApi.lastAttempt(job).get("nodeHostname").asText()).isEqualTo("berth-lab-w2");
            String logs = api.logs(id);
            assertThat(logs).matches("(?s)gpu=gpu[01]\\n.*");
            gpusSeen.add(logs.substring(0, logs.indexOf('\n')));
        }
        assertThat(gpusSeen).as("the gpus the swarm handed out").containsExactlyInAnyOrder("gpu=gpu0", "gpu=gpu1");
    }

    @Test
    void theLogsOfATaskOnAWorkerCanBeFollowedAndAreKept() throws Exception {
        String id = api.submitJson(placed("echo line1; echo err1 >&2; sleep 3; echo line2", """
                {"constraints": ["node.labels.zone==a"]}"""));
        api.awaitPhase(id, Set.of("Running"), DEADLINE);

        String followed;
        try (var response = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/jobs/" + id
                + "/logs?follow=true").request().get()) {
            followed = response.readEntity(String.class);
        }

        assertThat(followed).contains("line1\n").contains("err1\n").contains("line2\n");
        JsonNode job = api.awaitTerminal(id, DEADLINE);
        assertThat(JobsApi.lastAttempt(job).get("nodeHostname").asText()).isEqualTo("berth-lab-w1");
        JsonNode kept = api.logsJson(id, "").get("steps").get(0);
        assertThat(kept.get("stdout").asText()).isEqualTo("line1\nline2\n");
        assertThat(kept.get("stderr").asText()).isEqualTo("err1\n");
    }

    /** A copy of the test image under a new id that never met a registry, on the manager only. */
    private static String localOnlyImage() {
        var docker = LabSwarm.manager();
        String container = docker.createContainerCmd(LabSwarm.IMAGE).withCmd("true")
                .withLabels(java.util.Map.of("berth.managed", "true", "berth.instance", INSTANCE)).exec().getId();
        try {
            docker.commitCmd(container).withRepository("berth-test-local").withTag(INSTANCE)
                    .withLabels(java.util.Map.of("berth.test", INSTANCE)).exec();
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
        return "berth-test-local:" + INSTANCE;
    }

    private JsonNode firstUnschedulable(List<String> ids) {
        return ids.stream().map(id -> api.getJson("/jobs/" + id))
                .filter(job -> "Unschedulable".equals(job.path("status").path("reason").asText()))
                .findFirst().orElse(null);
    }

    private static String placed(String script, String placement) {
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"], "placement": %s}""".formatted(LabSwarm.IMAGE, script,
                placement);
    }

    private static String job(String image, String script) {
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"]}""".formatted(image, script);
    }
}
