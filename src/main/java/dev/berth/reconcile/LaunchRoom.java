package dev.berth.reconcile;

import dev.berth.core.Job;
import dev.berth.core.QueueLimit;
import dev.berth.core.QueueLimits;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many more jobs one pass may launch in each queue: its limit less what it has launched
 * (counted from the store, and from the launches under way whose writes the store does not show
 * yet), within the limit of all queues together, the free launch slots and, in a queue shared by a
 * label, each owner's own limit. Nothing in a paused queue, nothing in a queue the configuration
 * no longer has. Taken job by job as the planner launches.
 */
final class LaunchRoom {
    /** Null: no limits at all (a planner on its own). */
    private final QueueLimits limits;
    private final Map<String, Integer> perQueue;
    /** Launched jobs per queue and owner, for the queues with a per-owner limit. */
    private final Map<String, Map<String, Integer>> perOwner;
    private final ShareTurns turns;
    private int total;

    private LaunchRoom(QueueLimits limits, Map<String, Integer> perQueue, Map<String, Map<String, Integer>> perOwner,
                       ShareTurns turns, int total) {
        this.limits = limits;
        this.perQueue = perQueue;
        this.perOwner = perOwner;
        this.turns = turns;
        this.total = total;
    }

    /** {@code launched}: the launched jobs, the launches under way included; {@code turns} remembers who was served. */
    static LaunchRoom of(QueueLimits limits, Set<String> paused, Collection<Job> launched, int freeSlots,
                         ShareTurns turns) {
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
        return new LaunchRoom(limits, perQueue, perOwner, turns, total);
    }

    /** Room for nothing: launching is off. */
    static LaunchRoom none() {
        return new LaunchRoom(QueueLimits.UNLIMITED, new HashMap<>(), new HashMap<>(), new ShareTurns(), 0);
    }

    /** No limit at all, in any queue (a planner on its own, as its tests use it). */
    static LaunchRoom unlimited() {
        return new LaunchRoom(null, null, new HashMap<>(), new ShareTurns(), Integer.MAX_VALUE);
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

    /** Takes room for the job's launch; false when its queue, its owner or all queues have none. */
    boolean take(Job job) {
        String queue = job.spec().queue();
        if (of(queue) <= 0) {
            return false;
        }
        QueueLimit limit = limitOf(queue);
        String owner = limit.shareOf(job);
        Map<String, Integer> owners = perOwner.computeIfAbsent(queue, q -> new HashMap<>());
        if (owner != null && limit.maxRunningPerOwner() != null
                && owners.getOrDefault(owner, 0) >= limit.maxRunningPerOwner()) {
            return false;
        }
        if (perQueue != null) {
            perQueue.merge(queue, -1, Integer::sum);
        }
        if (owner != null) {
            owners.merge(owner, 1, Integer::sum);
            turns.served(queue, owner);
        }
        total--;
        return true;
    }
}
