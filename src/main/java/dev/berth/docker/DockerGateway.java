package dev.berth.docker;

import dev.berth.core.Backend;
import dev.berth.core.SensitiveValues;
import dev.berth.core.StepOutput;
import java.util.List;
import java.util.Optional;

/**
 * Berth's whole view of the Docker engine. Implementations translate to and from docker-java;
 * nothing outside this package sees a docker-java type. Every call is bounded by a timeout and
 * throws {@link EngineUnavailableException} when the engine does not answer.
 */
public interface DockerGateway {
    /**
     * How many clients may follow logs at once: each holds one connection to the engine for as long
     * as it follows, and the follow client has this many.
     */
    int MAX_LOG_FOLLOWERS = 64;

    EngineInfo engineInfo();

    /** This instance's objects of every backend, by label. */
    default EngineListing listWorkloads() {
        return listWorkloads(true);
    }

    /**
     * This instance's objects by label: its containers, and its services too when {@code withServices}
     * (and the engine is a swarm manager). A listing without services says so, as one of an engine
     * that is no manager does: what it does not show is not visible, not gone.
     */
    EngineListing listWorkloads(boolean withServices);

    LaunchOutcome launch(Backend backend, LaunchRequest request);

    /**
     * Stops a container: SIGTERM, then SIGKILL after {@code grace}. A service is stopped by its
     * removal, which is the caller's next step, so for a service this does nothing.
     */
    void stop(Workload workload, java.time.Duration grace);

    /** Starts an object that was created but never started. */
    void start(Workload workload);

    /** The object's state in Berth's words, asked of the engine now; empty when it no longer exists. */
    Optional<Observation> observe(Workload workload);

    /**
     * The object's state as the latest {@link #listWorkloads()} showed it, where that listing tells
     * enough (a service's newest task); else as {@link #observe} finds it now. For the pass that
     * listed: it saves asking the engine once more per job.
     */
    default Optional<Observation> observeAsListed(Workload workload) {
        return observe(workload);
    }

    /** The object's output so far, stdout and stderr apart, each bounded to its last {@code maxBytes}. */
    StepOutput logs(Workload workload, int maxBytes);

    /** The labels of a local image; empty when the engine has no such image. */
    Optional<java.util.Map<String, String>> imageLabels(String image);

    /**
     * Streams the object's output to {@code sink} as it is written, starting {@code tail} lines back
     * (all when null); returns at once. A {@code sink} that throws ends the stream.
     */
    LogStream followLogs(Workload workload, Integer tail, LogSink sink);

    /** Removes the object; an object that is already gone counts as removed. */
    void remove(Workload workload);

    /** The swarm's nodes; empty when the engine is not a swarm manager. */
    Optional<List<SwarmNode>> nodes();

    /** This instance's shared volumes, by label. */
    List<AttemptVolume> listVolumes();

    /** Removes a volume; false when a container still uses it (an absent one counts as removed). */
    boolean removeVolume(String name);

    /**
     * This gateway as seen by one job: every text the engine gives about it (messages, errors,
     * output, followed output) comes back with the job's sensitive values masked. This is where
     * masking happens: all that Berth shows or records of a job's run comes through here.
     */
    default DockerGateway forJob(SensitiveValues secrets) {
        return secrets.isEmpty() ? this : new MaskingGateway(this, secrets);
    }
}
