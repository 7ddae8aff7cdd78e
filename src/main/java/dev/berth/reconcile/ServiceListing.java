package dev.berth.reconcile;

import dev.berth.core.Attempt;
import dev.berth.core.Backend;
import dev.berth.core.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether a pass lists the swarm's services and tasks as well as the containers. In swarm mode it
 * always does. In container mode services matter only for jobs launched as services before the mode
 * was switched, and for leftovers of this instance: so a pass lists them while the last pass saw
 * such a job, and otherwise once every {@link #LEFTOVER_CHECK} (the first pass too), which leaves a
 * leftover service found well within the orphan grace. On a busy engine that saves two of the three
 * listings of every pass (a swarm manager answers them from its raft store).
 */
final class ServiceListing {
    static final Duration LEFTOVER_CHECK = Duration.ofSeconds(30);

    private final boolean swarmMode;
    private final Clock clock;
    private boolean jobsOnServices;
    private Instant lastListed;

    ServiceListing(Backend launchBackend, Clock clock) {
        this.swarmMode = launchBackend == Backend.SERVICE;
        this.clock = clock;
    }

    boolean due() {
        return swarmMode || jobsOnServices || lastListed == null
                || !clock.instant().isBefore(lastListed.plus(LEFTOVER_CHECK));
    }

    /**
     * After a pass: whether it listed services, and the jobs it found launched. A job can be launched
     * as a service only in swarm mode, so in container mode no such job appears between two passes.
     */
    void passed(boolean listedServices, List<Job> launched) {
        if (listedServices) {
            lastListed = clock.instant();
        }
        jobsOnServices = launched.stream().anyMatch(job -> job.liveAttempt().map(Attempt::backend)
                .filter(backend -> backend == Backend.SERVICE).isPresent());
    }
}
