package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.LabSwarm;
import dev.berth.support.OnTheBed;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A job that ends on a worker sends the manager no event, yet is recorded at once: with a tick of
 * an hour, only the task watch can have noticed it. (No timing is asserted: without the watch the
 * job would sit in Running for an hour and the test would fail at its deadline.)
 */
class WorkerTaskWakeTest extends OnTheBed {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.onLab(INSTANCE, "30s",
            ConfigOverride.config("reconciler.interval", "1h"));

    @Override
    protected DropwizardAppExtension<BerthConfiguration> app() {
        return APP;
    }

    @AfterAll
    static void cleanUp() {
        LabSwarm.removeAllOf(INSTANCE);
    }

    @Test
    void aJobThatEndsOnAWorkerIsRecordedWhileTheLoopSleeps() {
        String id = api.submitJson("""
                {"image": "%s", "command": ["sh", "-c", "sleep 3; echo ended on a worker; exit 4"],
                 "placement": {"constraints": ["node.role==worker"]}}""".formatted(LabSwarm.IMAGE));

        var job = api.awaitTerminal(id, Duration.ofSeconds(120));

        assertThat(job.path("status").path("exitCode").asInt()).isEqualTo(4);
        assertThat(JobsApi.lastAttempt(job).path("nodeHostname").asText()).startsWith("berth-lab-w");
        assertThat(api.logs(id)).contains("ended on a worker");
    }
}
