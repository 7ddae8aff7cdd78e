package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import java.util.Optional;

/**
 * A job record as stored: the user's spec (sensitive values masked), those values apart, what the
 * reconciler observed, its latest attempt (null before the first launch), the row version that
 * makes every status write conditional on the state it was based on, and who submitted it (the
 * name of the caller's token; null for jobs stored before Berth had tokens).
 */
public record Job(
        String id,
        String name,
        Map<String, String> labels,
        long generation,
        JobSpec spec,
        Secrets secrets,
        JobStatus status,
        Attempt attempt,
        long version,
        String owner) {

    public Job {
        labels = SortedMaps.copyOf(labels);
        secrets = secrets == null ? Secrets.NONE : secrets;
    }

    /** A job nobody owns. */
    public Job(String id, String name, Map<String, String> labels, long generation, JobSpec spec, Secrets secrets,
               JobStatus status, Attempt attempt, long version) {
        this(id, name, labels, generation, spec, secrets, status, attempt, version, null);
    }

    /** A job without sensitive values. */
    public Job(String id, String name, Map<String, String> labels, long generation, JobSpec spec, JobStatus status,
               Attempt attempt, long version) {
        this(id, name, labels, generation, spec, Secrets.NONE, status, attempt, version);
    }

    /** A job without sensitive values and with no attempt yet. */
    public Job(String id, String name, Map<String, String> labels, long generation, JobSpec spec, JobStatus status,
               long version) {
        this(id, name, labels, generation, spec, Secrets.NONE, status, null, version);
    }

    public Job withStatus(JobStatus newStatus) {
        return new Job(id, name, labels, generation, spec, secrets, newStatus, attempt, version, owner);
    }

    /** The status and, when the change has one, the attempt it brings. */
    public Job with(StatusChange change) {
        return new Job(id, name, labels, generation, spec, secrets, change.status(),
                change.attempt() != null ? change.attempt() : attempt, version, owner);
    }

    public Job withVersion(long newVersion) {
        return new Job(id, name, labels, generation, spec, secrets, status, attempt, newVersion, owner);
    }

    /** A cancel request: only {@code desired} changes in a spec once it is accepted. */
    /** The same job with another spec (a new generation): its queue or priority changed. */
    public Job withSpec(JobSpec newSpec) {
        return new Job(id, name, labels, generation + 1, newSpec, secrets, status, attempt, version, owner);
    }

    public Job withDesired(Desired desired) {
        return new Job(id, name, labels, generation + 1, spec.withDesired(desired), secrets, status, attempt,
                version, owner);
    }

    /** The spec a launch resolves, with the sensitive values put back. */
    public JobSpec launchSpec() {
        return secrets.restore(spec);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** The attempt number the job's Docker objects carry (or will carry once launched). */
    public int currentAttempt() {
        return awaitsLaunch() ? status.attempts() + 1 : status.attempts();
    }

    /**
     * The attempt being run: the latest one, unless the job waits for its next or is over. A job
     * whose task no swarm node can take yet is Pending (Unschedulable), yet its attempt is live.
     */
    public Optional<Attempt> liveAttempt() {
        boolean live = status.phase() == Phase.Launching || status.phase() == Phase.Running
                || (status.phase() == Phase.Pending && status.reason() == Reason.Unschedulable);
        return live && attempt != null && attempt.number() == status.attempts() && !attempt.isTerminal()
                ? Optional.of(attempt) : Optional.empty();
    }

    /** Pending with nothing launched: its next attempt is still to be created. */
    @JsonIgnore
    public boolean awaitsLaunch() {
        return status.phase() == Phase.Pending && liveAttempt().isEmpty();
    }
}
