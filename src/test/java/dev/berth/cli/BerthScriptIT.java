package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.BerthConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code scripts/berth} as a user runs it, on the jar {@code mvn package} built, from a directory of its own. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BerthScriptIT {
    private static final CliFixture BERTH = new CliFixture();
    static final DropwizardAppExtension<BerthConfiguration> APP = BERTH.app;
    private static final Path SCRIPT = Path.of("scripts", "berth").toAbsolutePath();

    @AfterAll
    static void cleanUp() {
        BERTH.cleanUp();
    }

    @Test
    void runWaitThroughTheScriptExitsWithTheJobsCodeAndLogsEachChangeOnALineOutsideATerminal() {
        assertThat(Path.of("target", "berth.jar")).as("these tests run after `mvn package`").isRegularFile();
        String file = BERTH.file("script.yaml", BERTH.job("echo through the script; exit 7"));

        CliProcess.Run run = BERTH.cli().runCommand(List.of(SCRIPT.toString(), "run", "-f", file, "--wait"), null);

        assertThat(run.exit()).as(run.err()).isEqualTo(7);
        assertThat(run.out()).contains("through the script");
        assertThat(run.err()).doesNotContain("\r").containsPattern("(?m)^job [0-9a-z]{26} Failed \\(NonZeroExit\\) exit 7$");
    }

    @Test
    void theScriptReadsTheBootstrapTokenOfTheWorkingDirectory() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "cli-tests", BERTH.instance, "data"));
        Files.copy(BERTH.tokenFile(), data.resolve("admin.token"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CliProcess.Run run = BERTH.cli(java.util.Map.of()).runCommand(
                List.of(SCRIPT.toString(), "--server", BERTH.server(), "tokens", "list"), null);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("admin +admin");
    }
}
