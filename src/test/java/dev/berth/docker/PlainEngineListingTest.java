package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import dev.berth.support.LogLines;
import dev.berth.support.TestEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On an engine that is not a swarm manager, a listing says services are not visible without asking
 * for them: the engine answers 503 to service calls, which the HTTP client retried after a second on
 * every pass. Runs against the plain engine scripts/test starts (property berth.plainEngine).
 */
@Tag("swarm")
class PlainEngineListingTest {
    private static final String PLAIN_ENGINE = System.getProperty("berth.plainEngine", "");
    private static final String RETRY_LOGGER = "org.apache.hc.client5.http.impl.classic.HttpRequestRetryExec";

    @Test
    void listingAPlainEngineAsksForNoServices() throws Exception {
        assumeTrue(!PLAIN_ENGINE.isEmpty(), "needs a plain (non-swarm) engine: run through scripts/test");
        List<String> retried;
        try (var retries = new LogLines(RETRY_LOGGER, Level.DEBUG);
             var gateway = new DockerJavaGateway(new DockerSettings(PLAIN_ENGINE, false, Duration.ofSeconds(30),
                     Duration.ofMinutes(1)), TestEngine.newInstanceId(), Clock.systemUTC())) {
            for (int pass = 0; pass < 3; pass++) {
                assertThat(gateway.listWorkloads().swarmManager()).isFalse();
            }
            retried = retries.messages();
        }

        assertThat(retried).isEmpty();
    }
}
