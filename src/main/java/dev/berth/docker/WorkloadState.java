package dev.berth.docker;

/** How far a Docker object has got, as far as a cheap listing can tell. */
public enum WorkloadState {
    /** Exists but was never started (Berth stopped between create and start). */
    CREATED,
    /** Running, or somewhere on its way there. */
    ACTIVE,
    /**
     * A swarm task the swarm has told to shut down that still reports running: its node may be
     * gone (or draining); an inspect says which, and only time tells whether it comes back.
     */
    STRANDED,
    /** Stopped for good; details need an inspect. */
    FINISHED
}
