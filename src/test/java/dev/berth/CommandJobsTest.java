package dev.berth;

import static dev.berth.support.CommandJobChecks.assertDebugJobRan;
import static dev.berth.support.CommandJobChecks.debugJob;
import static dev.berth.support.CommandJobChecks.expectedEnv;
import static dev.berth.support.CommandJobChecks.register;
import static dev.berth.support.CommandJobChecks.resolvedCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.support.BerthTestApp;
import dev.berth.support.CommandJobChecks;
import dev.berth.support.JobsApi;
import dev.berth.support.TestCommands;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Jobs from registered commands, as containers: Docker gets exactly the resolved spec. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CommandJobsTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Path ROOT = CommandJobChecks.mountRoot(INSTANCE);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.autoCleanup", "false"),
            ConfigOverride.config("docker.allowedMountRoots", ROOT.toString()));

    @BeforeAll
    static void registerCommands() {
        register(APP.client(), APP.getLocalPort(), "debug-echo", TestCommands.debug("debug-echo"));
        register(APP.client(), APP.getLocalPort(), "convert", TestCommands.converter("convert", "1.6"));
        register(APP.client(), APP.getLocalPort(), "shell", TestCommands.shell("shell"));
    }

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void theContainerGetsTheResolvedCommandEnvWorkingDirAndMounts() throws Exception {
        String id = api().submitJson(debugJob("debug-echo", ROOT));
        JsonNode job = api().awaitTerminal(id, DEADLINE);
        InspectContainerResponse container = inspect(job);

        assertThat(List.of(container.getConfig().getCmd())).isEqualTo(resolvedCommand(job));
        assertThat(List.of(container.getConfig().getEnv())).containsAll(expectedEnv(job));
        assertThat(container.getConfig().getWorkingDir()).isEqualTo(job.get("resolved").get("workingDir").asText());
        assertThat(container.getMounts()).extracting(m -> m.getSource() + ":" + m.getDestination().getPath() + ":" + m.getRW())
                .containsExactlyInAnyOrder(ROOT.resolve("out") + ":/output:true", ROOT.resolve("in") + ":/input:false");
        assertDebugJobRan(api(), id, ROOT);
    }

    @Test
    void aConverterGetsTheArgvXnatWouldProduce() {
        String id = api().submitJson("""
                {"fromCommand": {"name": "convert", "params": {"bids": true, "compress": "y", "scans": ["t1", "dwi"]}}}
                """);
        JsonNode job = api().awaitTerminal(id, DEADLINE);
        InspectContainerResponse container = inspect(job);

        assertThat(resolvedCommand(job)).containsExactly("echo", "dcm2niix", "-b", "y", "-z", "y", "--scans=t1,dwi",
                "-o", "/output", "/input");
        assertThat(List.of(container.getConfig().getCmd())).isEqualTo(resolvedCommand(job));
        assertThat(container.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(container.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(container.getConfig().getLabels()).containsEntry("org.example.tool", "converter")
                .containsEntry("berth.job", id);
        assertThat(api().logs(id)).isEqualTo("dcm2niix -b y -z y --scans=t1,dwi -o /output /input\n");
    }

    @Test
    void overrideEntrypointRunsTheLineInAShell() {
        String id = api().submitJson("{\"fromCommand\": {\"name\": \"shell\", \"params\": {\"GREETING\": \"hi there\"}}}");
        JsonNode job = api().awaitTerminal(id, DEADLINE);

        assertThat(resolvedCommand(job)).containsExactly("/bin/sh", "-c", "echo hi there | cat; echo done");
        assertThat(List.of(inspect(job).getConfig().getCmd())).isEqualTo(resolvedCommand(job));
        assertThat(api().logs(id)).isEqualTo("hi there\ndone\n");
    }

    static Stream<Arguments> refusedSubmissions() {
        return Stream.of(
                Arguments.of("a required input without a value", "{\"name\": \"debug-echo\", \"mounts\": {\"output\": \"%s/out\", \"input\": \"%s/in\"}}", "MESSAGE"),
                Arguments.of("a value for no declared input", "{\"name\": \"shell\", \"params\": {\"GREETING\": \"x\", \"VOLUME\": 11}}", "VOLUME"),
                Arguments.of("a value smuggling in a command", "{\"name\": \"shell\", \"params\": {\"GREETING\": \"x; reboot\"}}", "GREETING"),
                Arguments.of("a value outside select-values", "{\"name\": \"convert\", \"params\": {\"compress\": \"maybe\"}}", "compress"),
                Arguments.of("an unregistered command", "{\"name\": \"nope\"}", "no command named nope"),
                Arguments.of("a mount outside the allowed roots", "{\"name\": \"debug-echo\", \"params\": {\"MESSAGE\": \"m\"}, \"mounts\": {\"output\": \"/etc\", \"input\": \"%s/in\"}}", "allowed mount root"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSubmissions")
    void isRefusedWith422NamingTheInputAndNotStored(String what, String fromCommand, String named) {
        String body = "{\"labels\": {\"refused\": \"yes\"}, \"fromCommand\": " + fromCommand.formatted(ROOT, ROOT) + "}";
        try (var response = api().submit(body, MediaType.APPLICATION_JSON)) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains(named);
        }
        assertThat(api().getJson("/jobs?label=refused=yes").get("items")).isEmpty();
    }

    @Test
    void fromCommandBesideAnInlineImageIsRefused() {
        try (var response = api().submit("{\"image\": \"x\", \"fromCommand\": {\"name\": \"shell\"}}", MediaType.APPLICATION_JSON)) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("cannot be combined with image");
        }
    }

    private static JobsApi api() {
        return new JobsApi(APP.client(), APP.getLocalPort());
    }

    private static InspectContainerResponse inspect(JsonNode job) {
        return TestEngine.docker().inspectContainerCmd(JobsApi.firstStep(job).get("containerId").asText()).exec();
    }
}
