package dev.berth.docker;

/** How far a Docker object has got, as far as a cheap listing can tell. */
public enum WorkloadState {
    /** Exists but was never started (Berth stopped between create and start). */
    CREATED,
    /** Running, or somewhere on its way there. */
    ACTIVE,
    /** Stopped for good; details need an inspect. */
    FINISHED
}
