package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.berth.support.TestEngine;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
        Logger retries = (Logger) LoggerFactory.getLogger(RETRY_LOGGER);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        Level before = retries.getLevel();
        retries.setLevel(Level.DEBUG);
        retries.addAppender(seen);
        try (var gateway = new DockerJavaGateway(new DockerSettings(PLAIN_ENGINE, false, Duration.ofSeconds(30),
                Duration.ofMinutes(1)), TestEngine.newInstanceId(), Clock.systemUTC())) {
            for (int pass = 0; pass < 3; pass++) {
                assertThat(gateway.listWorkloads().swarmManager()).isFalse();
            }
        } finally {
            retries.detachAppender(seen);
            retries.setLevel(before);
        }

        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
}
