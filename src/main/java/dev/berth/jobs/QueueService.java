package dev.berth.jobs;

import dev.berth.core.Phase;
import dev.berth.core.QueueLimits;
import dev.berth.db.JobStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The configured queues as operators see them, and pausing and resuming them. */
public class QueueService {
    private final JobStore store;
    private final QueueLimits limits;
    private final Clock clock;
    private final Runnable wakeReconciler;

    public QueueService(JobStore store, QueueLimits limits, Clock clock, Runnable wakeReconciler) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.wakeReconciler = wakeReconciler;
    }

    /** {@code running} counts the queue's launched jobs: Launching or Running. */
    public record QueueState(String name, Integer maxRunning, boolean paused, long pending, long running) { }

    public List<QueueState> all() {
        Set<String> paused = store.pausedQueues();
        Map<String, Map<Phase, Long>> live = store.liveByQueue();
        List<QueueState> queues = new ArrayList<>();
        for (String name : limits.queues()) {
            Map<Phase, Long> counts = live.getOrDefault(name, Map.of());
            queues.add(new QueueState(name, limits.maxRunning(name), paused.contains(name),
                    counts.getOrDefault(Phase.Pending, 0L),
                    counts.getOrDefault(Phase.Launching, 0L) + counts.getOrDefault(Phase.Running, 0L)));
        }
        return queues;
    }

    /** The queue after the change; empty when no such queue is configured. */
    public Optional<QueueState> setPaused(String name, boolean paused) {
        if (!limits.queues().contains(name)) {
            return Optional.empty();
        }
        store.setPaused(name, paused, clock.instant());
        if (!paused) {
            wakeReconciler.run(); // its jobs may launch now
        }
        return all().stream().filter(queue -> queue.name().equals(name)).findFirst();
    }
}
