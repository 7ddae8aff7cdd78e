package dev.berth.reconcile;

import dev.berth.core.Job;
import dev.berth.docker.AttemptVolume;
import dev.berth.docker.BerthLabels;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes shared volumes whose attempt is over, now and then rather than on every pass (it costs a
 * listing): those a swarm still used when their attempt ended, and those of an attempt whose end
 * Berth recorded just before it died. A volume of a job's current or next attempt is kept. With
 * docker.autoCleanup off, volumes stay with the containers that used them.
 */
final class VolumeSweep {
    static final Duration INTERVAL = Duration.ofSeconds(30);
    /** How soon a volume that was still in use at its attempt's end is tried again. */
    static final Duration RETRY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(VolumeSweep.class);

    private final DockerGateway docker;
    private final boolean enabled;
    private final Clock clock;
    private Instant next = Instant.MIN;

    /**
     * Removes the attempt's volumes now; one still in use (a swarm removes a service's task
     * container a moment after the service) brings the next sweep forward.
     */
    void removeNow(DockerGateway engine, Job job, int attempt) {
        for (int i = 0; i < job.spec().volumePaths().size(); i++) {
            if (!engine.removeVolume(BerthLabels.volumeName(job.id(), attempt, i))) {
                retrySoon();
            }
        }
    }

    private synchronized void retrySoon() {
        Instant soon = clock.instant().plus(RETRY);
        if (soon.isBefore(next)) {
            next = soon;
        }
    }

    VolumeSweep(DockerGateway docker, boolean enabled, Clock clock) {
        this.docker = docker;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** {@code active} was read before the pass's actions, so a job that just ended still keeps its volumes. */
    void sweepIfDue(List<Job> active) {
        Instant now = clock.instant();
        synchronized (this) {
            if (!enabled || now.isBefore(next)) {
                return;
            }
            next = now.plus(INTERVAL);
        }
        Set<String> inUse = active.stream().map(job -> job.id() + "/" + job.currentAttempt())
                .collect(Collectors.toSet());
        try {
            for (AttemptVolume volume : docker.listVolumes()) {
                if (inUse.contains(volume.jobId() + "/" + volume.attempt())) {
                    continue;
                }
                if (docker.removeVolume(volume.name())) {
                    LOG.debug("removed volume {} of an attempt that is over", volume.name());
                } else {
                    retrySoon(); // its last container is still being stopped or removed
                }
            }
        } catch (GatewayException e) {
            LOG.debug("volume sweep: {}; the next one tries again", e.getMessage());
        }
    }
}
