package dev.berth.reconcile;

import dev.berth.core.JobEvent;
import dev.berth.core.JobStatus;
import java.util.List;

/** A new status for a job and the events that tell its history. */
public record StatusChange(JobStatus status, List<JobEvent> events) {
}
