package dev.berth.core;

/** The short CamelCase word that says why a job is in its phase; the status message is for people. */
public enum Reason {
    Submitted,
    Launched,
    ResolutionFailed,
    Started,
    Completed,
    NonZeroExit,
    OOMKilled,
    ImageNotFound,
    CreateFailed,
    Rejected,
    StartFailed,
    EngineUnavailable,
    EngineNotSwarmManager,
    Lost,
    BackOff,
    BackoffLimitExceeded,
    DeadlineExceeded,
    Cancelled,
    /** A step that never ran: an earlier step of its attempt failed. */
    StepFailed
}
