package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.BerthProcess;
import dev.berth.support.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar berth.jar token create|list|revoke config.yml ...} on a database of its own, as an operator runs it. */
class TokenCommandIT {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Path DIRECTORY = BerthProcess.directoryOf(INSTANCE);

    record Run(int exit, String out, String err) { }

    @Test
    void tokensAreCreatedShownOnceListedWithoutThemselvesAndRevoked() throws Exception {
        Run created = token("create", "--name", "ci", "--role", "submitter");
        assertThat(created.exit()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).matches("berth_[A-Za-z0-9_-]{43}");

        Run listed = token("list");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).containsPattern("ci +submitter").doesNotContain(token);

        Run again = token("create", "--name", "ci", "--role", "viewer");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("token: a token named ci exists already").doesNotContain("\tat ");

        Run revoked = token("revoke", "ci");
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("revoked ci");
        assertThat(token("list").out()).doesNotContain("ci ");

        Run missing = token("revoke", "ci");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("token: no token named ci");

        Run badRole = token("create", "--name", "x", "--role", "root");
        assertThat(badRole.exit()).isNotZero();
        assertThat(badRole.err()).contains("--role");
    }

    private static Run token(String action, String... rest) throws IOException, InterruptedException {
        Files.createDirectories(DIRECTORY);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java,
                "-Ddw.database.url=jdbc:h2:" + DIRECTORY.toAbsolutePath().resolve("berth"),
                "-Ddw.logging.level=WARN", "-jar", "target/berth.jar", "token", action,
                "src/test/resources/test-config.yml"));
        command.addAll(List.of(rest));
        Path out = DIRECTORY.resolve("out.txt");
        Path err = DIRECTORY.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("token " + action + " did not end within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
