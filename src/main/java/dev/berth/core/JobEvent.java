package dev.berth.core;

import java.time.Instant;

/** One entry of a job's append-only history. */
public record JobEvent(Instant at, EventType type, Phase phase, Reason reason, String message, int attempt) {

    public enum EventType { Normal, Warning }
}
