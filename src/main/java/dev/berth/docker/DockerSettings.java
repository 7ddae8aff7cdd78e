package dev.berth.docker;

import dev.berth.core.SitePolicy;
import java.time.Duration;
import java.util.List;

/**
 * The engine connection and the launch rules the gateway needs from the configuration.
 * {@code swarmConstraints} apply to every service; {@code imagesDistributedByHand} lets a local
 * image without a registry digest run on a swarm of several nodes; {@code credentials} may be null;
 * {@code taskPollInterval} is how often a swarm's tasks are listed while one is in flight; {@code policy}
 * gives what every job's container or service gets (no new privileges, a pids limit, a default memory).
 */
public record DockerSettings(String host, boolean pullMissingImages, Duration callTimeout, Duration pullTimeout,
                             List<String> swarmConstraints, boolean imagesDistributedByHand,
                             RegistryCredentials credentials, Duration taskPollInterval, SitePolicy policy) {
    static final Duration DEFAULT_TASK_POLL_INTERVAL = Duration.ofMillis(100);


    public DockerSettings {
        swarmConstraints = List.copyOf(swarmConstraints);
        policy = policy == null ? SitePolicy.NONE : policy;
    }

    /** No server-wide constraints, no credentials. */
    public DockerSettings(String host, boolean pullMissingImages, Duration callTimeout, Duration pullTimeout) {
        this(host, pullMissingImages, callTimeout, pullTimeout, List.of(), false, null, DEFAULT_TASK_POLL_INTERVAL,
                SitePolicy.NONE);
    }
}
