package dev.berth.core;

import java.util.List;

/**
 * A new status for a job, the events that tell its history, and its current attempt as it is now
 * (null when the change does not touch an attempt).
 */
public record StatusChange(JobStatus status, Attempt attempt, List<JobEvent> events) {

    public StatusChange {
        events = List.copyOf(events);
    }
}
