package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.core.Backend;
import dev.berth.core.JobIds;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Resources;
import dev.berth.support.TestEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A gateway told that its process may not create sends no create to the real engine: the launch
 * throws, the engine has no object of that name, and the HTTP client counted no create. Told it
 * may again, the same launch creates.
 */
class GatedCreatesTest {
    private final String instance = TestEngine.newInstanceId();
    private final JobIds jobIds = new JobIds(Clock.systemUTC());
    private final AtomicBoolean mayCreate = new AtomicBoolean(false);
    private final DockerJavaGateway gateway = new DockerJavaGateway(new DockerSettings(TestEngine.HOST, false,
            Duration.ofSeconds(30), Duration.ofSeconds(30)), instance, Clock.systemUTC(), mayCreate::get);

    @AfterEach
    void cleanUp() throws Exception {
        TestEngine.removeAllOf(instance);
        gateway.close();
    }

    @Test
    void aContainerIsNotCreatedWhileTheProcessMayNotCreate() {
        String job = jobIds.next();
        var request = request(job);

        assertThatThrownBy(() -> gateway.launch(Backend.CONTAINER, request))
                .isInstanceOf(CreateWithheldException.class)
                .hasMessageContaining("no longer leads the reconciler");
        assertThat(TestEngine.objectsOf(job)).as("objects of the job on the engine").isEmpty();
        assertThat(gateway.calls().snapshot()).as("calls sent").doesNotContainKey("create.container");

        mayCreate.set(true);
        assertThat(gateway.launch(Backend.CONTAINER, request)).isInstanceOf(LaunchOutcome.Launched.class);
        assertThat(TestEngine.objectsOf(job)).hasSize(1);
        assertThat(gateway.calls().snapshot()).containsEntry("create.container", 1L);
    }

    @Test
    @Tag("swarm")
    void aServiceIsNotCreatedWhileTheProcessMayNotCreate() {
        String job = jobIds.next();
        var request = request(job);

        assertThatThrownBy(() -> gateway.launch(Backend.SERVICE, request))
                .isInstanceOf(CreateWithheldException.class);
        assertThat(TestEngine.objectsOf(job)).as("objects of the job on the engine").isEmpty();
        assertThat(gateway.calls().snapshot()).as("calls sent").doesNotContainKey("create.service");

        mayCreate.set(true);
        assertThat(gateway.launch(Backend.SERVICE, request)).isInstanceOf(LaunchOutcome.Launched.class);
        assertThat(TestEngine.objectsOf(job)).isNotEmpty();
        assertThat(gateway.calls().snapshot()).containsEntry("create.service", 1L);
    }

    private LaunchRequest request(String job) {
        var spec = new ResolvedSpec(TestEngine.IMAGE, List.of("sh", "-c", "exit 0"), null, Map.of(), null, null,
                List.of(), Resources.NONE);
        return new LaunchRequest(BerthLabels.objectName(job, 1), BerthLabels.of(instance, job, 1), spec);
    }
}
