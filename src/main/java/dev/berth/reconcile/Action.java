package dev.berth.reconcile;

import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.Reason;
import dev.berth.core.SensitiveValues;
import dev.berth.docker.Workload;

/** One thing a reconcile pass decided to do. The planner returns them; the reconciler carries them out. */
public sealed interface Action {

    /** For logs: what this action is about. */
    String describe();

    /** The job the action is about; an object's removal has none. */
    Job job();

    /** The secrets of the action's job, which a message about it must not show. */
    default SensitiveValues secrets() {
        return job() == null ? SensitiveValues.NONE : job().secrets().masker();
    }

    /**
     * Create and start step {@code step} of the job's current attempt: for a pending job, the first
     * step of a new attempt; otherwise (again, under the same name) a step without an object yet.
     */
    record Launch(Job job, Backend backend, int step) implements Action {
        public String describe() {
            return "launching job " + job.id() + (step == 0 ? "" : " step " + step);
        }
    }

    /**
     * Look at a step's object in detail and record what changed (start it if it was never started).
     * {@code ending}: the engine said the object ended (its listing shows it finished, or it announced
     * the container's death), so its output is read while it is inspected.
     */
    record Observe(Job job, int step, Workload workload, boolean ending) implements Action {
        public String describe() {
            return "observing job " + job.id();
        }
    }

    /** The object of the job's current step vanished while Berth still waited for it. */
    record MarkLost(Job job, int step, String message) implements Action {
        public String describe() {
            return "marking job " + job.id() + " lost";
        }
    }

    /** Keep a pending job pending, saying why it cannot launch now. */
    record HoldPending(Job job, Reason reason, String message) implements Action {
        public String describe() {
            return "holding job " + job.id();
        }
    }

    /** Why a live job is being stopped. */
    enum StopCause { CANCEL, DEADLINE, SCHEDULE_TIMEOUT }

    /**
     * Stop the job's current step (if it has an object), skip the steps after it, and end the job:
     * cancelled, past its deadline, or unschedulable for longer than its policy allows.
     */
    record Stop(Job job, Workload workload, StopCause cause) implements Action {
        public String describe() {
            return switch (cause) {
                case CANCEL -> "cancelling job ";
                case DEADLINE -> "stopping job past its deadline ";
                case SCHEDULE_TIMEOUT -> "failing job no node could take ";
            } + job.id();
        }
    }

    /** An object whose job is finished (or unknown) and which no one needs any more. */
    record RemoveLeftover(Workload workload) implements Action {
        public String describe() {
            return "removing " + workload.name();
        }

        public Job job() {
            return null;
        }
    }
}
