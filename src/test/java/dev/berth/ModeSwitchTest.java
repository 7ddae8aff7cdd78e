package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.Await;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A job keeps the backend it was launched with: restarting Berth with docker.swarmMode flipped
 * changes only the jobs launched afterwards.
 */
@Tag("swarm")
class ModeSwitchTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private final String instance = TestEngine.newInstanceId();

    @AfterEach
    void cleanUp() {
        TestEngine.removeAllOf(instance);
    }

    @ParameterizedTest(name = "swarmMode {0} then {1}")
    @CsvSource({"false, true, container, service", "true, false, service, container"})
    void aJobLaunchedBeforeTheFlipFinishesThroughItsOwnBackend(boolean before, boolean after, String oldBackend,
                                                               String newBackend) throws Exception {
        var first = BerthTestApp.create(instance, ConfigOverride.config("docker.swarmMode", Boolean.toString(before)));
        first.before();
        String running;
        try {
            JobsApi api = new JobsApi(first.client(), first.getLocalPort());
            running = api.submitJson(manifest("sleep 4; echo survived the restart; exit 6"));
            api.awaitPhase(running, Set.of("Running"), DEADLINE);
        } finally {
            first.after();
        }

        var second = BerthTestApp.create(instance, ConfigOverride.config("docker.swarmMode", Boolean.toString(after)));
        second.before();
        try {
            JobsApi api = new JobsApi(second.client(), second.getLocalPort());
            String fresh = api.submitJson(manifest("exit 0"));
            JsonNode old = api.awaitTerminal(running, DEADLINE);
            JsonNode launchedAfter = api.awaitTerminal(fresh, DEADLINE);

            assertThat(JobsApi.lastAttempt(old).get("backend").asText()).isEqualTo(oldBackend);
            assertThat(old.get("status").get("exitCode").asInt()).isEqualTo(6);
            assertThat(api.logs(running)).contains("survived the restart");
            assertThat(JobsApi.lastAttempt(launchedAfter).get("backend").asText()).isEqualTo(newBackend);
            assertThat(launchedAfter.get("status").get("phase").asText()).isEqualTo("Succeeded");
            assertNothingLeftOf(running);
        } finally {
            second.after();
        }
    }

    private static String manifest(String script) {
        return """
                {"image": "%s", "command": ["sh", "-c", "%s"]}
                """.formatted(TestEngine.IMAGE, script);
    }

    /**
     * Cleaned up through its own backend: no container and no service of the job remain. Berth
     * removes them only after writing the job's end, so they are waited for, within a bound.
     */
    private static void assertNothingLeftOf(String jobId) {
        assertThat(Await.until(() -> leftOf(jobId), List::isEmpty, TestEngine.REMOVAL))
                .as("services and (non-task) containers of job %s after its end", jobId).isEmpty();
    }

    /** The job's services and its containers other than a service's task container. */
    private static List<String> leftOf(String jobId) {
        var labels = Map.of("berth.job", jobId);
        List<String> left = new ArrayList<>();
        TestEngine.docker().listServicesCmd().withLabelFilter(labels).exec()
                .forEach(service -> left.add("service " + service.getId()));
        TestEngine.docker().listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
                .filter(c -> !c.getLabels().containsKey("com.docker.swarm.task.id"))
                .forEach(container -> left.add("container " + container.getId()));
        return left;
    }
}
