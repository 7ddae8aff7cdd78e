package dev.berth.core;

/**
 * Where a job, an attempt or a step is in its life. Terminal phases never change again.
 * {@code Skipped} is for steps only: a step that never ran because its attempt ended before it.
 * {@code Lost} is for attempts and steps only: the run was lost with its node (reason NodeLost or
 * NodeDrained), through no fault of its own; the job runs again, or fails once that happened too often.
 */
public enum Phase {
    Pending, Launching, Running, Succeeded, Failed, Cancelled, Skipped, Lost;

    public boolean isTerminal() {
        return this == Succeeded || this == Failed || this == Cancelled || this == Skipped || this == Lost;
    }

    /** A phase a job can be in (and be listed by). */
    public boolean isJobPhase() {
        return this != Skipped && this != Lost;
    }
}
