package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.docker.BerthLabels;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.Pause;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 5: a job whose container someone removes while it runs did not finish: it is Lost. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LostContainerTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE);

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    /**
     * The job writes files first, as real jobs do: the engine then takes a moment to delete the
     * container, during which it shows it as "removing" with exit code 137. A look in that moment
     * must not be taken for the job's own end.
     */
    @Test
    void aJobWhoseContainerIsRemovedByHandWhileItRunsFailsAsLost() {
        var api = new JobsApi(APP.client(), APP.getLocalPort());
        String id = api.submitJson("""
                {"image": "%s", "command": ["sh", "-c",
                 "mkdir /tmp/out; for i in $(seq 1 2000); do echo $i > /tmp/out/$i; done; echo written; sleep 300"]}
                """.formatted(TestEngine.IMAGE));
        String containerId = JobsApi.firstStep(api.awaitPhase(id, Set.of("Running"), DEADLINE)).path("containerId").asText();
        awaitLogLine(api, id, "written");

        TestEngine.docker().removeContainerCmd(containerId).withForce(true).exec();

        JsonNode status = api.awaitTerminal(id, DEADLINE).path("status");
        assertThat(status.path("phase").asText()).as("%s", status).isEqualTo("Failed");
        assertThat(status.path("reason").asText()).as("%s", status).isEqualTo("Lost");
        assertThat(status.path("message").asText()).as("names the container")
                .containsAnyOf(containerId, BerthLabels.objectName(id, 1));
    }

    private static void awaitLogLine(JobsApi api, String id, String line) {
        Instant end = Instant.now().plus(DEADLINE);
        while (!api.logs(id).contains(line)) {
            assertThat(Instant.now()).as("job %s wrote '%s'", id, line).isBefore(end);
            Pause.millis(200);
        }
    }
}
