package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.core.JobSpec;
import dev.berth.core.Mount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestValidatorTest {
    @TempDir
    Path root;

    @Test
    void aMountUnderAnAllowedRootIsAccepted() throws Exception {
        Files.createDirectories(root.resolve("in"));
        var validator = new ManifestValidator(ManifestLimits.defaults(List.of(root)));

        JobSpec spec = validator.toSpec(manifest(List.of(new MountManifest(root.resolve("in").toString(), "/in", true))));

        assertThat(spec.mounts()).containsExactly(new Mount(root.resolve("in").toString(), "/in", true));
    }

    @Test
    void aSymbolicLinkInsideAnAllowedRootThatLeadsOutIsRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("escape"), Path.of("/etc"));
        var validator = new ManifestValidator(ManifestLimits.defaults(List.of(root)));

        var error = catchThrowableOfType(InvalidRequestException.class, () -> validator.toSpec(
                manifest(List.of(new MountManifest(root.resolve("escape").toString(), "/etc-copy", true)))));

        assertThat(error.errors()).singleElement().asString().contains("not under an allowed mount root");
    }

    @Test
    void dotDotCannotClimbOutOfAnAllowedRoot() {
        var validator = new ManifestValidator(ManifestLimits.defaults(List.of(root)));

        var error = catchThrowableOfType(InvalidRequestException.class, () -> validator.toSpec(
                manifest(List.of(new MountManifest(root + "/../../etc", "/x", false)))));

        assertThat(error.errors()).singleElement().asString().contains("'..'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var validator = new ManifestValidator(ManifestLimits.defaults(List.of()));
        var manifest = new JobManifest("Bad Name", Map.of(), null, null, null, Map.of("1X", "v"), "relative",
                "root; rm", List.of(new MountManifest("/srv", "/", false)), new ResourcesManifest(0.0, 1L), null, null);

        var error = catchThrowableOfType(InvalidRequestException.class, () -> validator.toSpec(manifest));

        assertThat(error.errors()).hasSize(9);
    }

    private static JobManifest manifest(List<MountManifest> mounts) {
        return new JobManifest(null, null, "img:1", List.of("true"), null, null, null, null, mounts, null, null, null);
    }
}
