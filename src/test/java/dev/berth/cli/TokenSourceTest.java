package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSourceTest {
    @TempDir
    Path dir;

    @Test
    void theFlagComesFirstThenTheFileThenTheEnvironmentThenDataAdminToken() throws Exception {
        Path file = Files.writeString(dir.resolve("t"), "from-file\n");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/admin.token"), "bootstrap\n");
        Map<String, String> env = Map.of("BERTH_TOKEN", "from-env");

        assertThat(TokenSource.resolve("flag", file, env, dir)).contains("flag");
        assertThat(TokenSource.resolve(null, file, env, dir)).contains("from-file");
        assertThat(TokenSource.resolve(null, null, env, dir)).contains("from-env");
        assertThat(TokenSource.resolve(null, null, Map.of("BERTH_TOKEN_FILE", file.toString()), dir)).contains("from-file");
        assertThat(TokenSource.resolve(null, null, Map.of(), dir)).contains("bootstrap");
    }

    @Test
    void withoutAnyNoTokenIsSent() {
        assertThat(TokenSource.resolve(null, null, Map.of(), dir)).isEqualTo(Optional.empty());
    }

    @Test
    void aTokenFileThatCannotBeReadIsAUsageError() {
        assertThatThrownBy(() -> TokenSource.resolve(null, dir.resolve("absent"), Map.of(), dir))
                .isInstanceOf(CliFailure.class).hasMessage("cannot read the token file " + dir.resolve("absent") + " (no such file)");
    }
}
