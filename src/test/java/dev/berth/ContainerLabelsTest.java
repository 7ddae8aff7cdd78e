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

/** With cleanup off, the finished container stays for inspection: its name and labels are Berth's. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContainerLabelsTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.autoCleanup", "false"));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void theContainerCarriesTheDeterministicNameAndBerthsLabels() {
        var api = new JobsApi(APP.client(), APP.getLocalPort());
        String id = api.submitJson("""
                {"image": "%s", "command": ["sh", "-c", "exit 0"], "resources": {"cpus": 0.5, "memoryMb": 64}}
                """.formatted(TestEngine.IMAGE));
        String containerId = JobsApi.firstStep(api.awaitTerminal(id, Duration.ofSeconds(60))).get("containerId").asText();

        var container = TestEngine.docker().inspectContainerCmd(containerId).exec();

        assertThat(container.getName()).isEqualTo("/berth-" + id + "-1");
        assertThat(container.getConfig().getLabels())
                .containsEntry("berth.managed", "true")
                .containsEntry("berth.job", id)
                .containsEntry("berth.attempt", "1")
                .containsEntry("berth.instance", INSTANCE);
        assertThat(container.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(container.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(container.getHostConfig().getPrivileged()).isFalse();
    }
}
