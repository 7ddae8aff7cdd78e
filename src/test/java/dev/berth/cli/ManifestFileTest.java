package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestFileTest {
    @Test
    void jsonOnStdinIsRecognisedByItsFirstCharacterAndEachObjectOfAnArrayIsAManifest() {
        var manifests = ManifestFile.read("-", stdin(" [{\"image\": \"a\"}, {\"image\": \"b\", \"cpus\": 0.5}]"));

        assertThat(manifests).extracting(Manifest::text).containsExactly("{\"image\":\"a\"}", "{\"image\":\"b\",\"cpus\":0.5}");
        assertThat(manifests).extracting(Manifest::contentType).containsOnly(Manifest.JSON);
        assertThat(manifests.get(1).describe()).isEqualTo("stdin (document 2 of 2)");
    }

    @Test
    void yamlOnStdinIsSentAsYaml() {
        var manifests = ManifestFile.read("-", stdin("image: a\n---\nimage: b\n"));

        assertThat(manifests).extracting(Manifest::contentType).containsOnly(Manifest.YAML);
        assertThat(manifests).hasSize(2);
        assertThat(manifests.get(0).describe()).isEqualTo("stdin (document 1 of 2)");
    }

    @Test
    void aDuplicateJsonKeyIsRefusedHere() {
        assertThatThrownBy(() -> ManifestFile.read("-", stdin("{\"image\": \"a\", \"image\": \"b\"}")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("stdin is not valid JSON: Duplicate field 'image'");
    }

    @Test
    void anEmptyFileHoldsNoManifest() {
        assertThatThrownBy(() -> ManifestFile.read("-", stdin("# nothing\n")))
                .isInstanceOf(CliFailure.class).hasMessage("stdin holds no job manifest");
    }

    private static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
