package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.BerthConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the client says when things go wrong: one line (a line per problem for a 422), an exit code, no stack trace. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CliErrorsTest {
    private static final CliFixture BERTH = new CliFixture();
    static final DropwizardAppExtension<BerthConfiguration> APP = BERTH.app;

    @AfterAll
    static void cleanUp() {
        BERTH.cleanUp();
    }

    @Test
    void aRefusedManifestPrintsEachProblemOnALineOfItsOwn() {
        String file = BERTH.file("bad.yaml", """
                image: ""
                mounts: [{source: relative, target: data}]
                """);

        CliProcess.Run run = BERTH.cli().run("apply", "-f", file);

        assertThat(run.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.errLines()).containsExactly("berth: the server refused job manifest bad.yaml (422):",
                "  - image is required",
                "  - mounts[0].source must be an absolute path (got \"relative\")",
                "  - mounts[0].target must be an absolute path (got \"data\")");
    }

    @Test
    void anUnreachableServerIsOneLineAndItsOwnExitCode() throws IOException {
        String nobody = "http://127.0.0.1:" + closedPort();

        CliProcess.Run run = BERTH.cli(Map.of("BERTH_SERVER", nobody)).run("get", "jobs");

        assertThat(run.exit()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.errLines()).containsExactly("berth: cannot reach the Berth server at " + nobody + " (connection refused)");
    }

    @Test
    void noTokenIsTheOneLine401WithAHint() {
        CliProcess.Run run = BERTH.cli(Map.of("BERTH_SERVER", BERTH.server())).run("get", "jobs");

        assertThat(run.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("berth: 401 unauthorized: ")
                .endsWith("(give a token with --token, --token-file or BERTH_TOKEN)");
    }

    @Test
    void anInvalidTokenIsTheOneLine401() {
        CliProcess.Run run = BERTH.cli(Map.of("BERTH_SERVER", BERTH.server(), "BERTH_TOKEN", "berth_not-a-token"))
                .run("queues");

        assertThat(run.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("berth: 401 unauthorized: ");
    }

    @Test
    void theServerComesFromBerthServerUnlessServerIsGiven() throws IOException {
        String token = "--token-file=" + BERTH.tokenFile();
        String nobody = "http://127.0.0.1:" + closedPort();

        CliProcess.Run fromEnv = BERTH.cli(Map.of("BERTH_SERVER", BERTH.server())).run(token, "queues");
        CliProcess.Run fromFlag = BERTH.cli(Map.of("BERTH_SERVER", nobody)).run("queues", "--server", BERTH.server(), token);
        CliProcess.Run wrongEnv = BERTH.cli(Map.of("BERTH_SERVER", nobody)).run(token, "queues");

        assertThat(fromEnv.exit()).as(fromEnv.err()).isZero();
        assertThat(fromEnv.out()).startsWith("NAME").contains("default");
        assertThat(fromFlag.exit()).as(fromFlag.err()).isZero();
        assertThat(fromFlag.out()).isEqualTo(fromEnv.out());
        assertThat(wrongEnv.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    }

    @Test
    void aUsageErrorIsOneLineAndExitsTwo() {
        CliProcess.Run run = BERTH.cli().run("apply");

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly(
                "berth: Missing required option: '--filename=FILE' (see: berth apply --help)");
    }

    @Test
    void aMissingFileIsOneLine() {
        CliProcess.Run run = BERTH.cli().run("apply", "-f", "nowhere.yaml");

        assertThat(run.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.errLines()).containsExactly("berth: cannot read nowhere.yaml (no such file)");
    }

    /** A port nothing listens on: one just given up by a socket of this test. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
