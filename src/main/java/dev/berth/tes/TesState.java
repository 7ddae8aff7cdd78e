package dev.berth.tes;

/** The states of a TES task (tesState), spelled as the schema spells them. */
public enum TesState {
    UNKNOWN, QUEUED, INITIALIZING, RUNNING, PAUSED, COMPLETE, EXECUTOR_ERROR, SYSTEM_ERROR, CANCELED, PREEMPTED,
    CANCELING
}
