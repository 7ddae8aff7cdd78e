package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * A job record as stored: the user's spec, what the reconciler observed, and the row version that
 * makes every status write conditional on the state it was based on.
 */
public record Job(
        String id,
        String name,
        Map<String, String> labels,
        long generation,
        JobSpec spec,
        JobStatus status,
        long version) {

    public Job {
        labels = SortedMaps.copyOf(labels);
    }

    public Job withStatus(JobStatus newStatus) {
        return new Job(id, name, labels, generation, spec, newStatus, version);
    }

    public Job withVersion(long newVersion) {
        return new Job(id, name, labels, generation, spec, status, newVersion);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** The attempt number the job's Docker object carries (or will carry once launched). */
    public int currentAttempt() {
        return status.phase() == Phase.Pending ? status.attempts() + 1 : status.attempts();
    }
}
