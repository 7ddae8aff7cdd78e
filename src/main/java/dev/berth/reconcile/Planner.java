package dev.berth.reconcile;

import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.docker.Workload;
import dev.berth.docker.WorkloadState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a pass: a pure function of the active jobs and what the engine shows. It never calls
 * Docker or the store, so every rule here is tested without either.
 */
public final class Planner {
    private final Backend launchBackend;
    private final boolean autoCleanup;

    public Planner(Backend launchBackend, boolean autoCleanup) {
        this.launchBackend = launchBackend;
        this.autoCleanup = autoCleanup;
    }

    public List<Action> plan(List<Job> activeJobs, Observed observed) {
        List<Action> actions = new ArrayList<>();
        if (!observed.engineAvailable()) {
            for (Job job : activeJobs) {
                if (job.status().phase() == Phase.Pending && job.status().reason() != Reason.EngineUnavailable) {
                    actions.add(new Action.HoldPending(job, Reason.EngineUnavailable,
                            "the Docker engine is unavailable: " + observed.engineError()));
                }
            }
            return actions;
        }
        Map<String, Workload> byAttempt = new HashMap<>();
        observed.workloads().forEach(w -> byAttempt.put(key(w.jobId(), w.attempt()), w));
        for (Job job : activeJobs) {
            Workload workload = byAttempt.remove(key(job.id(), job.currentAttempt()));
            Action action;
            if (job.status().phase() == Phase.Pending) {
                // Even when its object exists (Berth died between create and the status write): the
                // launch meets the name, adopts the object, and records the attempt properly.
                action = new Action.Launch(job, launchBackend);
            } else {
                action = workload == null ? planWithoutObject(job) : planWithObject(job, workload);
            }
            if (action != null) {
                actions.add(action);
            }
        }
        if (autoCleanup) {
            byAttempt.values().stream()
                    .filter(w -> w.state() != WorkloadState.ACTIVE)
                    .forEach(w -> actions.add(new Action.RemoveLeftover(w)));
        }
        return actions;
    }

    private Action planWithObject(Job job, Workload workload) {
        boolean steady = workload.state() == WorkloadState.ACTIVE
                && job.status().phase() == Phase.Running
                && workload.objectId().equals(objectIdOf(job));
        return steady ? null : new Action.Observe(job, workload);
    }

    private Action planWithoutObject(Job job) {
        String objectId = objectIdOf(job);
        if (objectId == null) {
            // Launching, but the create never got through (or Berth died before it): the
            // deterministic name makes a second create safe.
            return new Action.Launch(job, job.status().backend());
        }
        return new Action.MarkLost(job, job.status().backend().wireName() + " " + objectId
                + " of attempt " + job.currentAttempt() + " disappeared before it finished");
    }

    private static String objectIdOf(Job job) {
        return job.status().backend() == Backend.SERVICE ? job.status().serviceId() : job.status().containerId();
    }

    private static String key(String jobId, int attempt) {
        return jobId + "/" + attempt;
    }
}
