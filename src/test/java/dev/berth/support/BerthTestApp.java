package dev.berth.support;

import dev.berth.BerthApplication;
import dev.berth.BerthConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.glassfish.jersey.client.JerseyClientBuilder;
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
        Path tokenFile = tokenFile(instanceId);
        overrides.add(ConfigOverride.config("auth.bootstrapTokenFile", tokenFile.toString()));
        overrides.add(ConfigOverride.config("tes.workDirectory", tesWorkDirectory(instanceId).toString()));
        overrides.addAll(List.of(extra));
        return new WithAdminToken(overrides, tokenFile);
    }

    /** Where the application of {@code instanceId} stages TES tasks' files: under target/, its own. */
    public static Path tesWorkDirectory(String instanceId) {
        return Path.of("target", "test-tes", instanceId).toAbsolutePath();
    }

    /**
     * The application on exactly these settings (a database of the test's own, say), its first admin
     * token written to {@code tokenFile} and sent by its client.
     */
    public static DropwizardAppExtension<BerthConfiguration> withSettings(Path tokenFile, ConfigOverride... settings) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(settings));
        overrides.add(ConfigOverride.config("auth.bootstrapTokenFile", tokenFile.toString()));
        return new WithAdminToken(overrides, tokenFile);
    }

    /** Where the application of {@code instanceId} writes its first admin token. */
    public static Path tokenFile(String instanceId) {
        return Path.of(databaseFile(instanceId) + ".admin-token");
    }

    /** The application whose client() sends the admin token Berth created at its start. */
    private static final class WithAdminToken extends DropwizardAppExtension<BerthConfiguration> {
        private final Path tokenFile;

        private WithAdminToken(List<ConfigOverride> overrides, Path tokenFile) {
            super(BerthApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                    overrides.toArray(ConfigOverride[]::new));
            this.tokenFile = tokenFile;
        }

        @Override
        protected JerseyClientBuilder clientBuilder() {
            return super.clientBuilder().register(new BearerToken(tokenFile));
        }
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
