package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With a tick of an hour, only wake-ups can move a job: the submission launches it, and the
 * engine's die event must be what records its end. (No timing is asserted: without the event the
 * job would sit in Running for an hour and the test would fail at its deadline.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EngineEventsWakeTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("reconciler.interval", "1h"));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void aJobThatExitsWhileTheLoopSleepsIsRecordedBecauseTheEngineSaidSo() {
        var api = new JobsApi(APP.client(), APP.getLocalPort());
        String id = api.submitJson("""
                {"image": "%s", "command": ["sh", "-c", "sleep 2; echo woke; exit 5"]}
                """.formatted(TestEngine.IMAGE));

        var status = api.awaitTerminal(id, Duration.ofSeconds(90)).get("status");

        assertThat(status.get("exitCode").asInt()).isEqualTo(5);
        assertThat(api.logs(id)).contains("woke");
    }
}
