package dev.berth.tes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.config.DockerConfig;
import dev.berth.config.TesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work directory at start: made private, resolved through links, never overlapping an allowed root. */
class TesSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void theWorkDirectoryIsMadePrivateAndResolvedThroughLinks() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real/tes"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(temp.resolve("current"), temp.resolve("real"));

        TesSettings settings = TesSettings.from(tes(link.resolve("tes")), docker(temp.resolve("data")));

        assertThat(settings.workDirectory()).isEqualTo(real.toRealPath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rwx------");
    }

    @Test
    void aWorkDirectoryInsideOrHoldingAnAllowedRootIsRefused() {
        Path root = temp.resolve("data");

        assertThatThrownBy(() -> TesSettings.from(tes(root.resolve("tes")), docker(root)))
                .hasMessageContaining("tes.workDirectory").hasMessageContaining("overlap");
        assertThatThrownBy(() -> TesSettings.from(tes(temp), docker(root)))
                .hasMessageContaining("overlap");
    }

    private static TesConfig tes(Path workDirectory) throws IOException {
        return JSON.readValue("{\"workDirectory\": \"" + workDirectory + "\"}", TesConfig.class);
    }

    private static DockerConfig docker(Path root) throws IOException {
        return JSON.readValue("{\"allowedMountRoots\": [\"" + root + "\"]}", DockerConfig.class);
    }
}
