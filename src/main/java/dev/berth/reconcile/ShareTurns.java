package dev.berth.reconcile;

import java.util.HashMap;
import java.util.Map;

/**
 * When each owner of a shared queue last had a job launched, as this process saw it: among equal
 * priorities the owner served longest ago goes first, so that owners take turns even in a queue
 * that runs one job at a time. Kept in memory only: after a restart every owner starts even, which
 * costs fairness one round and never a limit (those are counted from the store). Used by the pass
 * thread alone.
 */
final class ShareTurns {
    static final int MAX_OWNERS = 10_000;
    private final Map<String, Long> lastServed = new HashMap<>();
    private long launches;

    /** 0 for an owner not served since this process started (or forgotten among too many). */
    long lastServed(String queue, String owner) {
        return lastServed.getOrDefault(key(queue, owner), 0L);
    }

    void served(String queue, String owner) {
        lastServed.put(key(queue, owner), ++launches);
        forgetTheLongestAgoIfTooMany();
    }

    /**
     * Bounded: beyond {@code MAX_OWNERS} owners the half served longest ago is forgotten (they go
     * first when they come back, as after a restart). Owners are never forgotten merely because a
     * pass did not read their jobs: a full queue reads none.
     */
    private void forgetTheLongestAgoIfTooMany() {
        if (lastServed.size() <= MAX_OWNERS) {
            return;
        }
        long median = lastServed.values().stream().sorted().skip(lastServed.size() / 2).findFirst().orElse(0L);
        lastServed.values().removeIf(served -> served < median);
    }

    private static String key(String queue, String owner) {
        return queue + "\u0000" + owner;
    }
}
