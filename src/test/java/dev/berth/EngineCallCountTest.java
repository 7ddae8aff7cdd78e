package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.ObjectEvents;
import dev.berth.support.RunningContainers;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin port's {@code docker.calls} and {@code store.writes}: what jobs cost the engine and the
 * database, as Berth counts it, checked against the engine's own events for the same jobs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EngineCallCountTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE);

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void berthCountsTheContainersItCreatesStartsAndRemovesAsTheEngineSeesThem() throws Exception {
        var api = new JobsApi(APP.client(), APP.getLocalPort());
        Instant since = Instant.now();
        try (var objects = ObjectEvents.containers(TestEngine.docker(), INSTANCE, since);
             var starts = RunningContainers.of(TestEngine.docker(), INSTANCE, since)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(api.submitJson("""
                        {"image": "%s", "command": ["sh", "-c", "echo counted"]}""".formatted(TestEngine.IMAGE)));
            }
            for (String id : ids) {
                assertThat(api.awaitTerminal(id, DEADLINE).path("status").path("phase").asText()).isEqualTo("Succeeded");
            }
            starts.awaitEnded(ids, DEADLINE);
            objects.awaitRemovalOfEverythingCreated(DEADLINE);
            JsonNode calls = gauges().path("docker.calls").path("value");

            assertThat(calls.path("create.container").asLong()).as("creates counted")
                    .isEqualTo(objects.created().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
            assertThat(calls.path("start.container").asLong()).as("starts counted")
                    .isEqualTo(starts.startOrder(ids).size()).isEqualTo(3);
            assertThat(objects.notRemoved()).as("containers the engine did not see removed").isEmpty();
            assertThat(calls.path("remove.container").asLong()).as("removals counted").isEqualTo(3);
            assertThat(calls.path("list.containers").asLong()).as("listings").isPositive();
            assertThat(gauges().path("store.writes").path("value").asLong()).as("write transactions")
                    .isGreaterThanOrEqualTo(3 * 4); // stored, launching, created, terminal
        }
    }

    private static JsonNode gauges() {
        try (var response = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + "/metrics").request()
                .get()) {
            return JobsApi.read(response.readEntity(String.class)).path("gauges");
        }
    }
}
