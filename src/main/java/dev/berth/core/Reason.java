package dev.berth.core;

/** The short CamelCase word that says why a job is in its phase; the status message is for people. */
public enum Reason {
    Submitted,
    /** Pending in its queue until there is room for it (the queue's limits, its place in it). */
    Queued,
    Launched,
    ResolutionFailed,
    Started,
    Completed,
    NonZeroExit,
    OOMKilled,
    ImageNotFound,
    /** A local image without a registry digest, which the other nodes of a swarm cannot get. */
    ImageNotDistributable,
    CreateFailed,
    Rejected,
    StartFailed,
    EngineUnavailable,
    EngineNotSwarmManager,
    Lost,
    /** No node of the swarm can take the task now (constraints, resources): the swarm's words say why. */
    Unschedulable,
    /** The node running the attempt went down (or stopped reporting) and did not come back in time. */
    NodeLost,
    /** The node running the attempt was drained: the swarm shut its task down. */
    NodeDrained,
    BackOff,
    BackoffLimitExceeded,
    DeadlineExceeded,
    Cancelled,
    /** A step that never ran: an earlier step of its attempt failed. */
    StepFailed
}
