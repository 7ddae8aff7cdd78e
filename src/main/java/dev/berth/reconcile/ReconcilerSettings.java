package dev.berth.reconcile;

import dev.berth.core.Lifecycle;
import dev.berth.core.QueueLimits;
import java.time.Duration;

/**
 * The settings a pass needs: whose objects are ours, what to keep, how much log to capture, the
 * lifecycle rules (back-off, retention, stop grace, node-loss restarts), how long a task may
 * look stranded on its node before its attempt counts as lost, the queues' limits and the
 * containers' capacity ({@code capacity} null: not counted, as in swarm mode).
 */
public record ReconcilerSettings(String instanceId, boolean autoCleanup, int maxLogBytes, Lifecycle lifecycle,
                                 Duration nodeLossGrace, QueueLimits queueLimits, CapacitySetting capacity) {

    public static final Duration DEFAULT_NODE_LOSS_GRACE = Duration.ofSeconds(30);

    public ReconcilerSettings(String instanceId, boolean autoCleanup, int maxLogBytes, Lifecycle lifecycle) {
        this(instanceId, autoCleanup, maxLogBytes, lifecycle, DEFAULT_NODE_LOSS_GRACE, QueueLimits.UNLIMITED, null);
    }

    public ReconcilerSettings(String instanceId, boolean autoCleanup, int maxLogBytes) {
        this(instanceId, autoCleanup, maxLogBytes, Lifecycle.DEFAULTS);
    }
}
