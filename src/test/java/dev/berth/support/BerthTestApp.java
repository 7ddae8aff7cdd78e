package dev.berth.support;

import dev.berth.BerthApplication;
import dev.berth.BerthConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the real application on random ports, with its own store (see {@link TestStore}) and instance id. */
public final class BerthTestApp {
    private BerthTestApp() {
    }

    public static DropwizardAppExtension<BerthConfiguration> create(String instanceId, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>();
        TestStore.settings(instanceId, Path.of(databaseFile(instanceId)))
                .forEach((key, value) -> overrides.add(ConfigOverride.config(key, value)));
        overrides.add(ConfigOverride.config("reconciler.instanceId", instanceId));
        overrides.addAll(List.of(extra));
        return new DropwizardAppExtension<>(BerthApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides.toArray(ConfigOverride[]::new));
    }

    /** Berth in swarm mode on the multi-node bed's manager (see {@link LabSwarm}). */
    public static DropwizardAppExtension<BerthConfiguration> onLab(String instanceId, String nodeLossGrace,
                                                                   ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(ConfigOverride.config("docker.host", LabSwarm.MANAGER),
                ConfigOverride.config("docker.swarmMode", "true"),
                ConfigOverride.config("reconciler.nodeLossGrace", nodeLossGrace)));
        overrides.addAll(List.of(extra));
        return create(instanceId, overrides.toArray(ConfigOverride[]::new));
    }

    public static String databaseFile(String instanceId) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-db"));
            return dir.toAbsolutePath().resolve(instanceId).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
