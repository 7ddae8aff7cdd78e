package dev.berth.docker;

import java.time.Duration;
import java.util.List;

/**
 * The engine connection and the launch rules the gateway needs from the configuration.
 * {@code swarmConstraints} apply to every service; {@code imagesDistributedByHand} lets a local
 * image without a registry digest run on a swarm of several nodes; {@code credentials} may be null;
 * {@code taskPollInterval} is how often a swarm's tasks are listed while one is in flight; {@code limits}
 * are set on every job's container or service.
 */
public record DockerSettings(String host, boolean pullMissingImages, Duration callTimeout, Duration pullTimeout,
                             List<String> swarmConstraints, boolean imagesDistributedByHand,
                             RegistryCredentials credentials, Duration taskPollInterval, JobLimits limits) {
    static final Duration DEFAULT_TASK_POLL_INTERVAL = Duration.ofMillis(100);


    public DockerSettings {
        swarmConstraints = List.copyOf(swarmConstraints);
        limits = limits == null ? JobLimits.NONE : limits;
    }

    /** No limits of the site's policy on the jobs' containers. */
    public DockerSettings(String host, boolean pullMissingImages, Duration callTimeout, Duration pullTimeout,
                          List<String> swarmConstraints, boolean imagesDistributedByHand,
                          RegistryCredentials credentials, Duration taskPollInterval) {
        this(host, pullMissingImages, callTimeout, pullTimeout, swarmConstraints, imagesDistributedByHand,
                credentials, taskPollInterval, JobLimits.NONE);
    }

    /** No server-wide constraints, no credentials. */
    public DockerSettings(String host, boolean pullMissingImages, Duration callTimeout, Duration pullTimeout) {
        this(host, pullMissingImages, callTimeout, pullTimeout, List.of(), false, null, DEFAULT_TASK_POLL_INTERVAL,
                JobLimits.NONE);
    }
}
