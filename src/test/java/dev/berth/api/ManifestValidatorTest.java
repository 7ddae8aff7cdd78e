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
    void aSwarmPlacementIsAcceptedAsWritten() {
        var validator = new ManifestValidator(swarmLimits());

        JobSpec spec = validator.toSpec(placed(new PlacementManifest(List.of("node.role==worker",
                "node.labels.zone != a", "engine.labels.disk==ssd"), List.of(
                new PlacementManifest.PreferenceManifest("node.labels.zone")))));

        assertThat(spec.placement().constraints())
                .containsExactly("node.role==worker", "node.labels.zone != a", "engine.labels.disk==ssd");
        assertThat(spec.placement().preferences()).extracting(p -> p.spread()).containsExactly("node.labels.zone");
    }

    @Test
    void aConstraintOnAnAttributeTheSwarmDoesNotKnowOrWithAnotherOperatorIsRefused() {
        var validator = new ManifestValidator(swarmLimits());

        var error = catchThrowableOfType(InvalidRequestException.class, () -> validator.toSpec(placed(
                new PlacementManifest(List.of("node.colour==red", "node.role>=worker", "node.role=="), List.of(
                        new PlacementManifest.PreferenceManifest("node.hostname"))))));

        assertThat(error.errors()).hasSize(4);
        assertThat(error.errors().get(0)).startsWith("placement.constraints[0] must be ATTRIBUTE==VALUE")
                .endsWith(": node.colour==red");
        assertThat(error.errors().get(1)).endsWith(": node.role>=worker");
        assertThat(error.errors().get(2)).endsWith(": node.role==");
        assertThat(error.errors().get(3))
                .isEqualTo("placement.preferences[0].spread must be node.labels.NAME or engine.labels.NAME: node.hostname");
    }

    @Test
    void aMissingConstraintOrAValueWithCharactersTheSwarmRefusesIsA422NotACrash() {
        var validator = new ManifestValidator(swarmLimits());
        java.util.List<String> constraints = new java.util.ArrayList<>();
        constraints.add(null);
        constraints.add("node.labels.zone==a,b");

        var error = catchThrowableOfType(InvalidRequestException.class,
                () -> validator.toSpec(placed(new PlacementManifest(constraints, null))));

        assertThat(error.errors()).hasSize(2);
        assertThat(error.errors().get(0)).startsWith("placement.constraints[0] must be").endsWith(": null");
        assertThat(error.errors().get(1)).startsWith("placement.constraints[1] must be");
    }

    @Test
    void aReservationAboveItsLimitIsRefused() {
        var validator = new ManifestValidator(swarmLimits());
        var manifest = new JobManifest(null, Map.of(), "img:1", null, null, null, null, null, null,
                new ResourcesManifest(1.0, 256L, new ReservationsManifest(2.0, 512L, null)), null, null);

        var error = catchThrowableOfType(InvalidRequestException.class, () -> validator.toSpec(manifest));

        assertThat(error.errors()).containsExactly("resources.reservations.cpus must not exceed resources.cpus",
                "resources.reservations.memoryMb must not exceed resources.memoryMb");
    }

    @Test
    void genericResourcesOfAnyKindAreAcceptedInSwarmMode() {
        var validator = new ManifestValidator(swarmLimits());
        var manifest = new JobManifest(null, Map.of(), "img:1", null, null, null, null, null, null,
                new ResourcesManifest(2.0, 512L, new ReservationsManifest(1.0, 256L, Map.of("gpu", 2L, "ssd", 1L))),
                null, null);

        JobSpec spec = validator.toSpec(manifest);

        assertThat(spec.resources().reservations().generic()).containsEntry("gpu", 2L).containsEntry("ssd", 1L);
        assertThat(spec.resources().reservations().memoryMb()).isEqualTo(256L);
    }

    private static ManifestLimits swarmLimits() {
        return new ManifestLimits(List.of(), 64, 256, 256, 32, true);
    }

    private static JobManifest placed(PlacementManifest placement) {
        return new JobManifest(null, Map.of(), "img:1", null, null, null, null, null, null, null, null, null, null,
                null, placement);
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
