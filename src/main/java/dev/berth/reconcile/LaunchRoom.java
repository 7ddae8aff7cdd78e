package dev.berth.reconcile;

import dev.berth.core.Capacity;
import dev.berth.core.Job;
import dev.berth.core.QueueLimit;
import dev.berth.core.QueueLimits;
import dev.berth.core.Resources;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How many more jobs one pass may launch in each queue: its limit less what it has launched
 * (counted from the store, and from the launches under way whose writes the store does not show
 * yet), within the limit of all queues together, the free launch slots and, in a queue shared by a
 * label, each owner's own limit. Nothing in a paused queue, nothing in a queue the configuration
 * no longer has. With a capacity (plain containers), a job also needs its CPUs and memory free
 * next to what the launched containers take. Taken job by job as the planner launches.
 */
final class LaunchRoom {
    /** The status message of a job that waits because its resources do not fit now. */
    static final String INSUFFICIENT_CAPACITY = "insufficient capacity";

    /** What {@link #take} says of a job. */
    enum Admission {
        /** It launches now. */
        LAUNCH,
        /** No room in its queue, for its owner or in all queues: it stays queued as it is. */
        NO_ROOM,
        /** Room enough, but its resources do not fit next to what runs: it waits, saying so. */
        NO_CAPACITY
    }

    /** Null: no limits at all (a planner on its own). */
    private final QueueLimits limits;
    private final Map<String, Integer> perQueue;
    /** Launched jobs per queue and owner, for the queues with a per-owner limit. */
    private final Map<String, Map<String, Integer>> perOwner;
    private final ShareTurns turns;
    /** Null: capacity is not counted (swarm mode). */
    private final FreeCapacity capacity;
    /**
     * Queues that launch nothing more in this pass: their first job in launch order did not fit
     * (the jobs behind it wait too, so that a large job is not passed over for ever by smaller
     * ones), or is busy being told why it waits.
     */
    private final Set<String> held = new HashSet<>();
    /** Per queue, how many of the jobs this pass met ask for more than the whole capacity. */
    private final Map<String, Integer> tooLarge = new HashMap<>();
    private int total;

    private LaunchRoom(QueueLimits limits, Map<String, Integer> perQueue, Map<String, Map<String, Integer>> perOwner,
                       ShareTurns turns, FreeCapacity capacity, int total) {
        this.limits = limits;
        this.perQueue = perQueue;
        this.perOwner = perOwner;
        this.turns = turns;
        this.capacity = capacity;
        this.total = total;
    }

    /** {@code launched}: the launched jobs, the launches under way included; {@code turns} remembers who was served. */
    static LaunchRoom of(QueueLimits limits, Set<String> paused, Collection<Job> launched, int freeSlots,
                         ShareTurns turns) {
        return of(limits, paused, launched, freeSlots, turns, null, job -> job.spec().resources());
    }

    /**
     * As {@link #of(QueueLimits, Set, Collection, int, ShareTurns)}, with the containers' capacity
     * (null: not counted), of which each launched job's container takes its {@code resourcesOf}.
     */
    static LaunchRoom of(QueueLimits limits, Set<String> paused, Collection<Job> launched, int freeSlots,
                         ShareTurns turns, Capacity capacity, Function<Job, Resources> resourcesOf) {
        Map<String, Integer> running = new HashMap<>();
        Map<String, Map<String, Integer>> perOwner = new HashMap<>();
        for (Job job : launched) {
            String queue = job.spec().queue();
            running.merge(queue, 1, Integer::sum);
            String owner = limits.of(queue).shareOf(job);
            if (owner != null) {
                perOwner.computeIfAbsent(queue, q -> new HashMap<>()).merge(owner, 1, Integer::sum);
            }
        }
        int total = limits.maxRunningTotal() == null ? freeSlots
                : Math.min(freeSlots, Math.max(0, limits.maxRunningTotal() - launched.size()));
        Map<String, Integer> perQueue = new HashMap<>();
        for (String queue : limits.queues()) {
            Integer max = limits.maxRunning(queue);
            int room = paused.contains(queue) ? 0
                    : max == null ? total : Math.max(0, max - running.getOrDefault(queue, 0));
            perQueue.put(queue, Math.min(room, total));
        }
        FreeCapacity free = capacity == null ? null : FreeCapacity.of(capacity, launched, resourcesOf);
        return new LaunchRoom(limits, perQueue, perOwner, turns, free, total);
    }

    /** Room for nothing: launching is off. */
    static LaunchRoom none() {
        return new LaunchRoom(QueueLimits.UNLIMITED, new HashMap<>(), new HashMap<>(), new ShareTurns(), null, 0);
    }

    /** No limit at all, in any queue (a planner on its own, as its tests use it). */
    static LaunchRoom unlimited() {
        return new LaunchRoom(null, null, new HashMap<>(), new ShareTurns(), null, Integer.MAX_VALUE);
    }

    /** The queue launches nothing more in this pass (its head is busy: nothing may pass it meanwhile). */
    void hold(String queue) {
        held.add(queue);
    }

    /**
     * How many jobs of the queue that this pass met ask for more than the whole capacity: they
     * never launch, so the next pass reads as many more of its heads to get past them.
     */
    int tooLarge(String queue) {
        return tooLarge.getOrDefault(queue, 0);
    }

    /** How many of the queue's pending jobs this pass may launch at most. */
    int of(String queue) {
        return perQueue == null ? total : Math.min(perQueue.getOrDefault(queue, 0), total);
    }

    Set<String> queues() {
        return perQueue == null ? Set.of() : perQueue.keySet();
    }

    /** The queue's limits (its fair-share label, say); none when the room knows no limits. */
    QueueLimit limitOf(String queue) {
        return limits == null ? QueueLimit.NONE : limits.of(queue);
    }

    /** When the job's owner last had a job launched (0: not yet); 0 for a job of an unshared queue. */
    long ownerLastServed(Job job) {
        String owner = limitOf(job.spec().queue()).shareOf(job);
        return owner == null ? 0 : turns.lastServed(job.spec().queue(), owner);
    }

    /**
     * Takes room for the job's launch, if its queue, its owner and all queues have it and its
     * resources fit. A job that does not fit holds up the jobs behind it in its queue, unless it
     * could never fit (it asks for more than the whole capacity): then it waits alone, and says it
     * waits for capacity whatever room there is (room would not launch it).
     */
    Admission take(Job job) {
        String queue = job.spec().queue();
        FreeCapacity.Fit fit = capacity == null ? FreeCapacity.Fit.FITS : capacity.fit(job);
        if (fit == FreeCapacity.Fit.NEVER) {
            tooLarge.merge(queue, 1, Integer::sum);
            return Admission.NO_CAPACITY;
        }
        if (of(queue) <= 0 || held.contains(queue)) {
            return Admission.NO_ROOM;
        }
        QueueLimit limit = limitOf(queue);
        String owner = limit.shareOf(job);
        Map<String, Integer> owners = perOwner.computeIfAbsent(queue, q -> new HashMap<>());
        if (owner != null && limit.maxRunningPerOwner() != null
                && owners.getOrDefault(owner, 0) >= limit.maxRunningPerOwner()) {
            return Admission.NO_ROOM;
        }
        if (fit == FreeCapacity.Fit.NOT_NOW) {
            held.add(queue);
            return Admission.NO_CAPACITY;
        }
        if (capacity != null) {
            capacity.take(job);
        }
        if (perQueue != null) {
            perQueue.merge(queue, -1, Integer::sum);
        }
        if (owner != null) {
            owners.merge(owner, 1, Integer::sum);
            turns.served(queue, owner);
        }
        total--;
        return Admission.LAUNCH;
    }
}
