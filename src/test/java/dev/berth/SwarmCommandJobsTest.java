package dev.berth;

import static dev.berth.support.CommandJobChecks.assertDebugJobRan;
import static dev.berth.support.CommandJobChecks.debugJob;
import static dev.berth.support.CommandJobChecks.expectedEnv;
import static dev.berth.support.CommandJobChecks.register;
import static dev.berth.support.CommandJobChecks.resolvedCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.ContainerSpec;
import dev.berth.support.BerthTestApp;
import dev.berth.support.CommandJobChecks;
import dev.berth.support.JobsApi;
import dev.berth.support.TestCommands;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Jobs from registered commands, as swarm services: the service's container spec is the resolved spec. */
@Tag("swarm")
@ExtendWith(DropwizardExtensionsSupport.class)
class SwarmCommandJobsTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Path ROOT = CommandJobChecks.mountRoot(INSTANCE);
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.swarmMode", "true"),
            ConfigOverride.config("docker.autoCleanup", "false"),
            ConfigOverride.config("docker.allowedMountRoots", ROOT.toString()));

    @BeforeAll
    static void registerCommands() {
        register(APP.client(), APP.getLocalPort(), "debug-echo", TestCommands.debug("debug-echo"));
        register(APP.client(), APP.getLocalPort(), "shell", TestCommands.shell("shell"));
    }

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void theServiceGetsTheResolvedCommandEnvWorkingDirAndMounts() throws Exception {
        String id = api().submitJson(debugJob("debug-echo", ROOT));
        JsonNode job = api().awaitTerminal(id, DEADLINE);
        ContainerSpec container = containerSpec(job);

        assertThat(JobsApi.lastAttempt(job).get("backend").asText()).isEqualTo("service");
        assertThat(container.getArgs()).isEqualTo(resolvedCommand(job));
        assertThat(container.getEnv()).containsAll(expectedEnv(job));
        assertThat(container.getDir()).isEqualTo(job.get("resolved").get("workingDir").asText());
        assertThat(container.getMounts()).extracting(m -> m.getSource() + ":" + m.getTarget() + ":" + Boolean.TRUE.equals(m.getReadOnly()))
                .containsExactlyInAnyOrder(ROOT.resolve("out") + ":/output:false", ROOT.resolve("in") + ":/input:true");
        assertDebugJobRan(api(), id, ROOT);
    }

    @Test
    void overrideEntrypointRunsTheLineInAShellAsTheServicesCommand() {
        String id = api().submitJson("{\"fromCommand\": {\"name\": \"shell\", \"params\": {\"GREETING\": \"hi there\"}}}");
        JsonNode job = api().awaitTerminal(id, DEADLINE);

        assertThat(containerSpec(job).getCommand()).isEqualTo(resolvedCommand(job))
                .containsExactly("/bin/sh", "-c", "echo hi there | cat; echo done");
        assertThat(api().logs(id)).isEqualTo("hi there\ndone\n");
    }

    private static JobsApi api() {
        return new JobsApi(APP.client(), APP.getLocalPort());
    }

    private static ContainerSpec containerSpec(JsonNode job) {
        String serviceId = JobsApi.firstStep(job).get("serviceId").asText();
        return TestEngine.docker().inspectServiceCmd(serviceId).exec().getSpec().getTaskTemplate().getContainerSpec();
    }

}
