package dev.berth.reconcile;

import dev.berth.core.Lifecycle;

/**
 * The settings a pass needs: whose objects are ours, what to keep, how much log to capture, and
 * the lifecycle rules (back-off, retention, stop grace).
 */
public record ReconcilerSettings(String instanceId, boolean autoCleanup, int maxLogBytes, Lifecycle lifecycle) {

    public ReconcilerSettings(String instanceId, boolean autoCleanup, int maxLogBytes) {
        this(instanceId, autoCleanup, maxLogBytes, Lifecycle.DEFAULTS);
    }
}
