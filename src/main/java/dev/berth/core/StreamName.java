package dev.berth.core;

/** The streams a step's output is kept in; {@code combined} only for output of the previous release. */
public enum StreamName {
    stdout, stderr, combined
}
