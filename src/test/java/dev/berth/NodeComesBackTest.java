package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.LabSwarm;
import dev.berth.support.OnTheBed;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A worker of the bed is lost and comes back within reconciler.nodeLossGrace (here long enough). */
class NodeComesBackTest extends OnTheBed {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(180);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.onLab(INSTANCE, "10m");

    @Override
    protected DropwizardAppExtension<BerthConfiguration> app() {
        return APP;
    }

    @AfterAll
    static void cleanUp() {
        LabSwarm.removeAllOf(INSTANCE);
    }

    /**
     * A node that comes back within the grace reports the task it lost as failed (the restarted
     * dockerd kills the containers its predecessor left: exit 137). That is not the job's result:
     * the attempt is lost. (A task that ended by itself while its dockerd was down, before the
     * restart, is reported as it ended, and counts.)
     */
    @Test
    void aTaskANodeThatCameBackReportsFailedIsNotTheJobsResult() {
        String id = api.submitJson("""
                {"image": "%s", "command": ["sh", "-c", "sleep 25; echo finished"],
                 "placement": {"constraints": ["node.labels.zone==b"]}}""".formatted(LabSwarm.IMAGE));
        api.awaitPhase(id, Set.of("Running"), DEADLINE);
        try {
            LabSwarm.killNode(2);
        } finally {
            LabSwarm.restartNode(2);
        }

        JsonNode job = api.awaitTerminal(id, DEADLINE);

        assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
        JsonNode lost = job.get("attempts").get(0);
        assertThat(lost.get("phase").asText()).as(job.toString()).isEqualTo("Lost");
        assertThat(lost.get("reason").asText()).isEqualTo("NodeLost");
        assertThat(lost.get("message").asText()).contains("which came back and reported it");
        assertThat(job.get("attempts").size()).isEqualTo(2);
        assertThat(job.get("status").get("exitCode").asInt()).isZero();
        assertThat(api.logs(id)).isEqualTo("finished\n");
    }
}
