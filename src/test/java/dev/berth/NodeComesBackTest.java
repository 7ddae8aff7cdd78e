package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.Await;
import dev.berth.support.BerthTestApp;
import dev.berth.support.CommandJobChecks;
import dev.berth.support.JobsApi;
import dev.berth.support.LabSwarm;
import dev.berth.support.OnTheBed;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.ConfigOverride;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A worker of the bed is lost and comes back within reconciler.nodeLossGrace (here long enough). */
class NodeComesBackTest extends OnTheBed {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(180);
    /** The bed's nodes are dockerds of this machine: a bind mount from here reaches the job on any of them. */
    private static final Path GATE = CommandJobChecks.mountRoot(INSTANCE).resolve("in");
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.onLab(INSTANCE, "10m",
            ConfigOverride.config("docker.allowedMountRoots", GATE.toString()));

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
     * restart, is reported as it ended, and counts: so the job waits at a gate that the test opens
     * only once the attempt is lost.)
     */
    @Test
    void aTaskANodeThatCameBackReportsFailedIsNotTheJobsResult() throws Exception {
        String id = api.submitJson("""
                {"image": "%s",
                 "command": ["sh", "-c", "while [ ! -e /gate/open ]; do sleep 0.2; done; echo finished"],
                 "mounts": [{"source": "%s", "target": "/gate", "readOnly": true}],
                 "placement": {"constraints": ["node.labels.zone==b"]}}""".formatted(LabSwarm.IMAGE, GATE));
        api.awaitPhase(id, Set.of("Running"), DEADLINE);
        try {
            LabSwarm.killNode(2);
        } finally {
            LabSwarm.restartNode(2);
        }
        Await.until(() -> api.getJson("/jobs/" + id), job -> job.path("status").path("nodeLosses").asInt() > 0,
                DEADLINE);
        Files.createFile(GATE.resolve("open"));

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
