package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.BerthTestApp;
import dev.berth.support.Pause;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("swarm")
@ExtendWith(DropwizardExtensionsSupport.class)
class SwarmQueuesTest extends QueueScenarios {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE, queueConfig(true));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    /** A service no node can take holds its queue's room: the job after it waits until it is cancelled. */
    @Test
    void aJobWaitingForANodeCountsAgainstItsQueue() {
        String stuck = api.submitJson("""
                {"image": "%s", "command": ["true"], "queue": "serial",
                 "placement": {"constraints": ["node.labels.zone==nowhere"]}}""".formatted(TestEngine.IMAGE));
        Instant until = Instant.now().plus(DEADLINE);
        while (!"Unschedulable".equals(api.getJson("/jobs/" + stuck).path("status").path("reason").asText())) {
            assertThat(Instant.now()).as("job %s unschedulable in time", stuck).isBefore(until);
            Pause.millis(200);
        }
        String next = api.submitJson("""
                {"image": "%s", "command": ["true"], "queue": "serial"}""".formatted(TestEngine.IMAGE));
        admin.awaitPasses(3, DEADLINE);

        assertThat(api.getJson("/jobs/" + next).path("status").path("reason").asText()).isEqualTo("Queued");
        api.cancel(stuck);
        assertThat(api.awaitTerminal(next, DEADLINE).path("status").path("phase").asText()).isEqualTo("Succeeded");
    }

    @Override
    DropwizardAppExtension<BerthConfiguration> app() {
        return APP;
    }

    @Override
    String instance() {
        return INSTANCE;
    }
}
