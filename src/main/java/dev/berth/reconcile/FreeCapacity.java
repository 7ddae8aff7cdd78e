package dev.berth.reconcile;

import dev.berth.core.Backend;
import dev.berth.core.Capacity;
import dev.berth.core.Job;
import dev.berth.core.Resources;
import java.util.Collection;
import java.util.function.Function;

/**
 * What of docker.capacity the launched containers leave free, taken job by job as a pass
 * launches. A job takes its resources as resolved (a job from a command has the command's
 * limits), so {@code resourcesOf} is asked rather than the job's own spec.
 */
final class FreeCapacity {
    /** Whether a job's resources fit. */
    enum Fit {
        FITS,
        /** Not next to what runs now; it would on an idle engine. */
        NOT_NOW,
        /** It asks for more than the whole capacity. */
        NEVER
    }

    private final Capacity total;
    private final Function<Job, Resources> resourcesOf;
    private Capacity free;

    private FreeCapacity(Capacity total, Capacity free, Function<Job, Resources> resourcesOf) {
        this.total = total;
        this.free = free;
        this.resourcesOf = resourcesOf;
    }

    /** {@code launched}: the launched jobs, the launches under way included. */
    static FreeCapacity of(Capacity total, Collection<Job> launched, Function<Job, Resources> resourcesOf) {
        Capacity free = total;
        for (Job job : launched) {
            if (takesContainerCapacity(job)) {
                free = free.minus(Capacity.takenBy(resourcesOf.apply(job)));
            }
        }
        return new FreeCapacity(total, free, resourcesOf);
    }

    Fit fit(Job job) {
        Capacity demand = Capacity.takenBy(resourcesOf.apply(job));
        if (free.holds(demand)) {
            return Fit.FITS;
        }
        return total.holds(demand) ? Fit.NOT_NOW : Fit.NEVER;
    }

    void take(Job job) {
        free = free.minus(Capacity.takenBy(resourcesOf.apply(job)));
    }

    /** A launch under way has no attempt yet; it becomes a container unless the job ran as a service. */
    private static boolean takesContainerCapacity(Job job) {
        return job.liveAttempt().map(attempt -> attempt.backend() == Backend.CONTAINER).orElse(true);
    }
}
