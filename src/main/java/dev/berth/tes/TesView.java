package dev.berth.tes;

/**
 * How much of a task an answer shows: MINIMAL its id and state; BASIC all but executors' stdout and
 * stderr, inputs' content and system logs; FULL everything.
 */
public enum TesView {
    MINIMAL, BASIC, FULL
}
