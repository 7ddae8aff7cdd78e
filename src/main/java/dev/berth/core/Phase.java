package dev.berth.core;

/**
 * Where a job, an attempt or a step is in its life. Terminal phases never change again.
 * {@code Skipped} is for steps only: a step that never ran because its attempt ended before it.
 */
public enum Phase {
    Pending, Launching, Running, Succeeded, Failed, Cancelled, Skipped;

    public boolean isTerminal() {
        return this == Succeeded || this == Failed || this == Cancelled || this == Skipped;
    }

    /** A phase a job can be in (and be listed by). */
    public boolean isJobPhase() {
        return this != Skipped;
    }
}
