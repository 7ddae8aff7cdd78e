package dev.berth.tes;

import dev.berth.api.MountRoots;
import dev.berth.api.PlacementRules;
import dev.berth.config.DockerConfig;
import dev.berth.config.TesConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * What the TES endpoints need of config.yml: the host directory where tasks' files are staged (its
 * real path), the roots file URLs may lie under, whether jobs are swarm services, the swarm
 * constraints that keep a task that uses files on nodes that see them, the user executors run as,
 * and who runs the service.
 */
public record TesSettings(Path workDirectory, MountRoots allowedRoots, boolean swarmMode,
                          List<String> storageConstraints, String user, String organizationName,
                          String organizationUrl) {
    public TesSettings {
        storageConstraints = List.copyOf(storageConstraints);
    }

    /** Where one task's staged files are. */
    Path stagingOf(String key) {
        return workDirectory.resolve(key);
    }

    /**
     * The settings of config.yml, with the work directory made (or made private: 0700) and resolved
     * through any link. It must not overlap an allowed mount root either way: a task could then read
     * or write other tasks' staged files through a URL.
     */
    public static TesSettings from(TesConfig tes, DockerConfig docker) {
        List<String> badConstraints = PlacementRules.constraintProblems("tes.storageConstraints",
                tes.getStorageConstraints());
        if (!badConstraints.isEmpty()) {
            throw new IllegalArgumentException("config.yml: " + String.join("; ", badConstraints));
        }
        Path workDirectory = prepared(Path.of(tes.getWorkDirectory()).toAbsolutePath().normalize());
        List<Path> roots = docker.getAllowedMountRoots().stream().map(Path::of).toList();
        for (Path root : roots) {
            Path real = realIfThere(root);
            if (workDirectory.startsWith(real) || real.startsWith(workDirectory)) {
                throw new IllegalArgumentException("config.yml: tes.workDirectory " + workDirectory
                        + " and docker.allowedMountRoots " + root + " overlap: tasks could reach each other's"
                        + " staged files; put the work directory elsewhere");
            }
        }
        return new TesSettings(workDirectory, new MountRoots(roots), docker.isSwarmMode(),
                tes.getStorageConstraints(), tes.getUser(), tes.getOrganizationName(), tes.getOrganizationUrl());
    }

    private static Path prepared(Path workDirectory) {
        try {
            Files.createDirectories(workDirectory);
            // Other host users must not look in: the shared directories inside are open to any user.
            Files.setPosixFilePermissions(workDirectory, PosixFilePermissions.fromString("rwx------"));
            return workDirectory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("tes.workDirectory " + workDirectory + " cannot be made private", e);
        }
    }

    private static Path realIfThere(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
