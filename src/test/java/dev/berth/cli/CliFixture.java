package dev.berth.cli;

import dev.berth.BerthConfiguration;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Berth on the real engine for the client's tests, and the client pointed at it through
 * BERTH_SERVER and BERTH_TOKEN_FILE. Its files (manifests, the client's output) are kept under
 * target/cli-tests/INSTANCE for a post-mortem; every job is labelled {@code run: INSTANCE}.
 */
final class CliFixture {
    final String instance = TestEngine.newInstanceId();
    final DropwizardAppExtension<BerthConfiguration> app = BerthTestApp.create(instance);

    String server() {
        return "http://127.0.0.1:" + app.getLocalPort();
    }

    Path tokenFile() {
        return BerthTestApp.tokenFile(instance).toAbsolutePath();
    }

    /** The client as an admin of this Berth. */
    CliProcess cli() {
        return cli(Map.of("BERTH_SERVER", server(), "BERTH_TOKEN_FILE", tokenFile().toString()));
    }

    /** The client with exactly these BERTH_* variables. */
    CliProcess cli(Map<String, String> env) {
        return new CliProcess(directory(), env);
    }

    JobsApi api() {
        return new JobsApi(app.client(), app.getLocalPort());
    }

    /** A YAML manifest of one step on the test image running {@code shell} (no double quotes in it). */
    String job(String shell) {
        return """
                image: %s
                command: [sh, -c, "%s"]
                labels: {run: %s}
                """.formatted(TestEngine.IMAGE, shell, instance);
    }

    /** Writes {@code text} to a file of this name in the client's working directory; returns its name. */
    String file(String name, String text) {
        try {
            Files.writeString(directory().resolve(name), text);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void cleanUp() {
        TestEngine.removeAllOf(instance);
    }

    private Path directory() {
        try {
            return Files.createDirectories(Path.of("target", "cli-tests", instance)).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
