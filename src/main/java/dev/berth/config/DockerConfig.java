package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/** The {@code docker} section of config.yml. */
public class DockerConfig {
    @NotEmpty
    @JsonProperty
    private String host = "unix:///var/run/docker.sock";

    /** true: every job launches as a one-replica, no-restart swarm service. */
    @JsonProperty
    private boolean swarmMode = false;

    /** Remove a job's container once its status and logs are stored. */
    @JsonProperty
    private boolean autoCleanup = true;

    /** Off by default: a job runner should not fetch code from the network unless told to. */
    @JsonProperty
    private boolean pullMissingImages = false;

    /** Host directories under which bind mounts are allowed; empty means no bind mounts at all. */
    @NotNull
    @JsonProperty
    private List<String> allowedMountRoots = new ArrayList<>();

    @NotNull
    @JsonProperty
    private Duration callTimeout = Duration.seconds(30);

    @NotNull
    @JsonProperty
    private Duration pullTimeout = Duration.minutes(10);

    /** A cancelled or timed-out container gets this long after SIGTERM before SIGKILL; keep it under callTimeout. */
    @NotNull
    @JsonProperty
    private Duration stopTimeout = Duration.seconds(10);

    @Valid
    @NotNull
    @JsonProperty
    private SwarmConfig swarm = new SwarmConfig();

    /** Plain containers only: swarm mode leaves placement to the swarm's reservations. */
    @Valid
    @NotNull
    @JsonProperty
    private CapacityConfig capacity = new CapacityConfig();

    /** Null: pull anonymously. Given: sent with every pull and every service create, so nodes can pull. */
    @Valid
    @JsonProperty
    private RegistryAuthConfig registryAuth;

    public CapacityConfig getCapacity() {
        return capacity;
    }

    public SwarmConfig getSwarm() {
        return swarm;
    }

    public RegistryAuthConfig getRegistryAuth() {
        return registryAuth;
    }

    public Duration getStopTimeout() {
        return stopTimeout;
    }

    public String getHost() {
        return host;
    }

    public boolean isSwarmMode() {
        return swarmMode;
    }

    public boolean isAutoCleanup() {
        return autoCleanup;
    }

    public boolean isPullMissingImages() {
        return pullMissingImages;
    }

    public List<String> getAllowedMountRoots() {
        return allowedMountRoots;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public Duration getPullTimeout() {
        return pullTimeout;
    }
}
