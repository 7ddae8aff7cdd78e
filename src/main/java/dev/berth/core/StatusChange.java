package dev.berth.core;

import java.util.List;

/** A new status for a job and the events that tell its history. */
public record StatusChange(JobStatus status, List<JobEvent> events) {
}
