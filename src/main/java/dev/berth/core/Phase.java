package dev.berth.core;

/** Where a job is in its life. Terminal phases never change again. */
public enum Phase {
    Pending, Launching, Running, Succeeded, Failed, Cancelled;

    public boolean isTerminal() {
        return this == Succeeded || this == Failed || this == Cancelled;
    }
}
