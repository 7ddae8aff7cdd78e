package dev.berth.tes;

import dev.berth.core.Attempt;
import dev.berth.core.Desired;
import dev.berth.core.Job;
import dev.berth.core.Reason;
import dev.berth.db.TesTaskRow;

/**
 * A task's TES state, from its job and what became of its outputs. A succeeded job is COMPLETE only
 * once its outputs were copied (RUNNING until then: a client that reads COMPLETE finds its files);
 * a cancelled one is CANCELED once its staged files are gone. An executor's non-zero exit (or its
 * kill for memory) is an EXECUTOR_ERROR; every other failure is Berth's or Docker's, a SYSTEM_ERROR,
 * and so is Docker's own exit code 125 (the container could not be run).
 */
final class TesStates {
    /** The exit code Docker gives when it could not run the container at all. */
    static final int DOCKER_RUN_FAILED = 125;

    private TesStates() {
    }

    static TesState of(Job job, Attempt latest, TesTaskRow task) {
        boolean cancelAsked = job.spec().desired() == Desired.Cancel;
        boolean handled = task.finishedAt() != null;
        return switch (job.status().phase()) {
            case Pending -> cancelAsked ? TesState.CANCELING : TesState.QUEUED;
            case Launching -> cancelAsked ? TesState.CANCELING : TesState.INITIALIZING;
            case Running -> cancelAsked ? TesState.CANCELING : TesState.RUNNING;
            case Cancelled -> handled ? TesState.CANCELED : TesState.CANCELING;
            case Succeeded -> !handled ? TesState.RUNNING
                    : task.problem() != null ? TesState.SYSTEM_ERROR : TesState.COMPLETE;
            case Failed -> executorFailed(job, latest) ? TesState.EXECUTOR_ERROR : TesState.SYSTEM_ERROR;
            default -> TesState.UNKNOWN;
        };
    }

    /** The job's own reason, or, once its retries ran out, the reason its last attempt failed. */
    private static boolean executorFailed(Job job, Attempt latest) {
        Reason reason = job.status().reason();
        Integer exitCode = job.status().exitCode();
        if (reason == Reason.BackoffLimitExceeded && latest != null) {
            reason = latest.reason();
            exitCode = latest.exitCode();
        }
        boolean byExecutor = reason == Reason.NonZeroExit || reason == Reason.OOMKilled;
        return byExecutor && (exitCode == null || exitCode != DOCKER_RUN_FAILED);
    }
}
