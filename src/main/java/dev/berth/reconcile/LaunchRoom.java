package dev.berth.reconcile;

import dev.berth.core.QueueLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many more jobs one pass may launch in each queue: its limit less what it has launched
 * (counted from the store, and from the launches under way whose writes the store does not show
 * yet), within the limit of all queues together and the free launch slots. Nothing in a paused
 * queue, nothing in a queue the configuration no longer has. Taken job by job as the planner
 * launches.
 */
final class LaunchRoom {
    /** Null: any queue has all the total. */
    private final Map<String, Integer> perQueue;
    private int total;

    private LaunchRoom(Map<String, Integer> perQueue, int total) {
        this.perQueue = perQueue;
        this.total = total;
    }

    /** {@code running}: launched jobs per queue, launches under way included. */
    static LaunchRoom of(QueueLimits limits, Set<String> paused, Map<String, Integer> running, int freeSlots) {
        int runningTotal = running.values().stream().mapToInt(Integer::intValue).sum();
        int total = limits.maxRunningTotal() == null ? freeSlots
                : Math.min(freeSlots, Math.max(0, limits.maxRunningTotal() - runningTotal));
        Map<String, Integer> perQueue = new HashMap<>();
        for (String queue : limits.queues()) {
            Integer max = limits.maxRunning(queue);
            int room = paused.contains(queue) ? 0
                    : max == null ? total : Math.max(0, max - running.getOrDefault(queue, 0));
            perQueue.put(queue, Math.min(room, total));
        }
        return new LaunchRoom(perQueue, total);
    }

    /** Room for nothing: launching is off. */
    static LaunchRoom none() {
        return new LaunchRoom(new HashMap<>(), 0);
    }

    /** No limit at all, in any queue (a planner on its own, as its tests use it). */
    static LaunchRoom unlimited() {
        return new LaunchRoom(null, Integer.MAX_VALUE);
    }

    /** How many of the queue's pending jobs this pass may launch at most. */
    int of(String queue) {
        return perQueue == null ? total : Math.min(perQueue.getOrDefault(queue, 0), total);
    }

    Set<String> queues() {
        return perQueue == null ? Set.of() : perQueue.keySet();
    }

    /** Takes room for one launch in the queue; false when there is none. */
    boolean take(String queue) {
        if (of(queue) <= 0) {
            return false;
        }
        if (perQueue != null) {
            perQueue.merge(queue, -1, Integer::sum);
        }
        total--;
        return true;
    }
}
