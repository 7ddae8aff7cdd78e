package dev.berth.reconcile;

/** The settings a pass needs: whose objects are ours, what to keep, how much log to capture. */
public record ReconcilerSettings(String instanceId, boolean autoCleanup, int maxLogBytes) {
}
