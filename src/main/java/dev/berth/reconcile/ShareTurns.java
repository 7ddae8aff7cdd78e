package dev.berth.reconcile;

import dev.berth.core.Job;
import dev.berth.core.QueueLimits;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * When each owner of a shared queue last had a job launched, as this process saw it: among equal
 * priorities the owner served longest ago goes first, so that owners take turns even in a queue
 * that runs one job at a time. Kept in memory only: after a restart every owner starts even, which
 * costs fairness one round and never a limit (those are counted from the store). Used by the pass
 * thread alone.
 */
final class ShareTurns {
    private final Map<String, Long> lastServed = new HashMap<>();
    private long launches;

    /** 0 for an owner not served since this process started (or not for long: see {@link #retainOwnersOf}). */
    long lastServed(String queue, String owner) {
        return lastServed.getOrDefault(key(queue, owner), 0L);
    }

    void served(String queue, String owner) {
        lastServed.put(key(queue, owner), ++launches);
    }

    /** Forgets the owners that have no job live any more: when they come back, they go first. */
    void retainOwnersOf(Collection<Job> live, QueueLimits limits) {
        if (lastServed.isEmpty()) {
            return;
        }
        Set<String> keep = new HashSet<>();
        for (Job job : live) {
            String owner = limits.of(job.spec().queue()).shareOf(job);
            if (owner != null) {
                keep.add(key(job.spec().queue(), owner));
            }
        }
        lastServed.keySet().retainAll(keep);
    }

    private static String key(String queue, String owner) {
        return queue + "\u0000" + owner;
    }
}
