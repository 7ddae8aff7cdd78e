package dev.berth.core;

/** What the user wants of a job: run it, or (later) cancel it. */
public enum Desired {
    Run, Cancel
}
