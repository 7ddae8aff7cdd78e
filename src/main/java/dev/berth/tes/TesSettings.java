package dev.berth.tes;

import dev.berth.api.MountRoots;
import java.nio.file.Path;
import java.util.List;

/**
 * What the TES endpoints need of config.yml: the host directory where tasks' files are staged (an
 * absolute path), the roots file URLs may lie under, whether jobs are swarm services, the swarm
 * constraints that keep a task that uses files on nodes that see them, and who runs the service.
 */
public record TesSettings(Path workDirectory, MountRoots allowedRoots, boolean swarmMode,
                          List<String> storageConstraints, String organizationName, String organizationUrl) {
    public TesSettings {
        workDirectory = workDirectory.toAbsolutePath().normalize();
        storageConstraints = List.copyOf(storageConstraints);
    }

    /** Where one task's staged files are. */
    public Path stagingOf(String key) {
        return workDirectory.resolve(key);
    }
}
