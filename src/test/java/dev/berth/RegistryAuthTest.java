package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.LabSwarm;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docker.pullMissingImages and docker.registryAuth on the bed's registry that needs a login, with a
 * repository that no node has ever pulled: the manager has no tag of it, so Berth pulls it (with
 * the credentials) to learn its digest, and the worker that runs it pulls it by digest with the
 * credentials sent along with the service.
 */
@Tag("multinode")
@ExtendWith(DropwizardExtensionsSupport.class)
class RegistryAuthTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.host", LabSwarm.MANAGER),
            ConfigOverride.config("docker.swarmMode", "true"),
            ConfigOverride.config("docker.pullMissingImages", "true"),
            ConfigOverride.config("docker.registryAuth.serverAddress", LabSwarm.AUTH_REGISTRY),
            ConfigOverride.config("docker.registryAuth.username", LabSwarm.AUTH_USER),
            ConfigOverride.config("docker.registryAuth.password", LabSwarm.AUTH_PASSWORD));

    @BeforeAll
    static void bed() {
        LabSwarm.requireBed();
    }

    @AfterAll
    static void cleanUp() {
        LabSwarm.removeAllOf(INSTANCE);
    }

    @Test
    void anImageByTagFromARegistryThatNeedsALoginIsPulledAndRunsOnAWorkerByDigest() {
        var api = new JobsApi(APP.client(), APP.getLocalPort());
        String byTag = LabSwarm.pushedBehindALogin("berth-test-" + INSTANCE);
        String id = api.submitJson("""
                {"image": "%s", "command": ["sh", "-c", "echo pulled with a login"],
                 "placement": {"constraints": ["node.role==worker"]}}""".formatted(byTag));

        JsonNode job = api.awaitTerminal(id, DEADLINE);

        assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(JobsApi.lastAttempt(job).get("nodeHostname").asText()).startsWith("berth-lab-w");
        assertThat(api.logs(id)).isEqualTo("pulled with a login\n");
        assertThat(LabSwarm.manager().inspectImageCmd(byTag).exec().getRepoDigests()).as("the manager pulled it")
                .anySatisfy(digest -> assertThat(digest).startsWith(byTag.substring(0, byTag.lastIndexOf(':')) + "@"));
    }
}
