package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import dev.berth.support.Await;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With docker.swarmMode on, the same manifests run as one-replica, no-restart services on a real swarm. */
@Tag("swarm")
@ExtendWith(DropwizardExtensionsSupport.class)
class SwarmJobsTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.swarmMode", "true"));

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
    void theSwarmsNodesAreListedAsTheManagerDescribesThem() {
        var info = TestEngine.docker().infoCmd().exec();

        JsonNode nodes = api.getJson("/nodes").get("items");

        assertThat(nodes).singleElement().satisfies(node -> {
            assertThat(node.get("id").asText()).isEqualTo(info.getSwarm().getNodeID());
            assertThat(node.get("hostname").asText()).isEqualTo(info.getName());
            assertThat(node.get("role").asText()).isEqualTo("manager");
            assertThat(node.get("state").asText()).isEqualTo("ready");
            assertThat(node.get("availability").asText()).isEqualTo("active");
            assertThat(node.get("leader").asBoolean()).isTrue();
            assertThat(node.get("cpus").asDouble()).isEqualTo(info.getNCPU().doubleValue());
            assertThat(node.get("memoryMb").asLong()).isEqualTo(info.getMemTotal() / (1024 * 1024));
            assertThat(node.get("generic").size()).as("this engine advertises no generic resources").isZero();
        });
    }

    @Test
    void theServiceHasOneReplicaNoRestartsAndBerthsLabels() {
        // Long enough never to end (and lose its service) before the test has looked; cleanUp removes it.
        String id = api.submitJson(manifest("sleep 300"));
        JsonNode job = api.awaitPhase(id, Set.of("Running"), DEADLINE);
        String serviceId = JobsApi.firstStep(job).get("serviceId").asText();

        var spec = TestEngine.docker().inspectServiceCmd(serviceId).exec().getSpec();

        assertThat(JobsApi.lastAttempt(job).get("backend").asText()).isEqualTo("service");
        assertThat(spec.getName()).isEqualTo("berth-" + id + "-1");
        assertThat(spec.getMode().getReplicated().getReplicas()).isEqualTo(1);
        assertThat(spec.getTaskTemplate().getRestartPolicy().getCondition()).isEqualTo(ServiceRestartCondition.NONE);
        assertThat(spec.getLabels()).containsEntry("berth.managed", "true").containsEntry("berth.job", id)
                .containsEntry("berth.attempt", "1").containsEntry("berth.instance", INSTANCE);
        assertThat(spec.getTaskTemplate().getContainerSpec().getLabels()).containsEntry("berth.job", id);
        // The site policy's process limit reaches the task's container (policy.pidsLimit, default 4096).
        var containers = TestEngine.docker().listContainersCmd().withLabelFilter(java.util.Map.of("berth.job", id))
                .exec();
        assertThat(containers).hasSize(1);
        assertThat(TestEngine.docker().inspectContainerCmd(containers.get(0).getId()).exec().getHostConfig()
                .getPidsLimit()).isEqualTo(4096L);
        try (var cancelled = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/jobs/" + id
                + "/cancel").request().post(jakarta.ws.rs.client.Entity.json(""))) {
            assertThat(cancelled.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aServiceJobThatExitsZeroSucceedsWithLogsAndItsServiceRemoved() {
        String id = api.submitJson(manifest("echo hello from a task; echo on stderr >&2"));

        JsonNode job = api.awaitTerminal(id, DEADLINE);
        JsonNode status = job.get("status");
        JsonNode step = JobsApi.firstStep(job);

        assertThat(status.get("phase").asText()).isEqualTo("Succeeded");
        assertThat(status.get("exitCode").asInt()).isZero();
        assertThat(step.get("taskId").asText()).isNotEmpty();
        assertThat(step.get("nodeId").asText()).isNotEmpty();
        assertThat(JobsApi.lastAttempt(job).get("nodeId").asText()).isEqualTo(step.get("nodeId").asText());
        assertThat(step.get("containerId").asText()).isNotEmpty();
        assertThat(api.logs(id)).contains("hello from a task").contains("on stderr");
        assertServiceGone(step.get("serviceId").asText());
    }

    @Test
    void aServiceJobThatExitsFourFailsWithItsExitCode() {
        String id = api.submitJson(manifest("echo failing; exit 4"));

        JsonNode status = api.awaitTerminal(id, DEADLINE).get("status");

        assertThat(status.get("phase").asText()).isEqualTo("Failed");
        assertThat(status.get("reason").asText()).isEqualTo("NonZeroExit");
        assertThat(status.get("exitCode").asInt()).isEqualTo(4);
        assertThat(api.logs(id)).contains("failing");
    }

    @Test
    void envWorkingDirAndUserReachTheTask() {
        String id = api.submitJson("""
                {"image": "%s", "command": ["sh", "-c", "echo var=$GREETING dir=$(pwd) uid=$(id -u)"],
                 "env": {"GREETING": "hej"}, "workingDir": "/tmp", "user": "65534"}
                """.formatted(TestEngine.IMAGE));

        api.awaitTerminal(id, DEADLINE);

        assertThat(api.logs(id)).contains("var=hej dir=/tmp uid=65534");
    }

    private static String manifest(String script) {
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"]}
                """.formatted(TestEngine.IMAGE, script);
    }

    /** Berth removes the service only after writing the job's end: waited for, within a bound. */
    private static void assertServiceGone(String serviceId) {
        boolean gone = Await.until(() -> !serviceExists(serviceId), TestEngine.REMOVAL);
        assertThat(gone).as("service %s removed after the job finished", serviceId).isTrue();
        assertThat(TestEngine.docker().listServicesCmd().withLabelFilter(Map.of("berth.instance", INSTANCE)).exec()
                .stream().map(s -> s.getId())).doesNotContain(serviceId);
    }

    private static boolean serviceExists(String serviceId) {
        try {
            TestEngine.docker().inspectServiceCmd(serviceId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
