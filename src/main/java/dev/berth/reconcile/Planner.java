package dev.berth.reconcile;

import dev.berth.core.Attempt;
import dev.berth.core.Backend;
import dev.berth.core.Desired;
import dev.berth.core.Job;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.Step;
import dev.berth.docker.Workload;
import dev.berth.docker.WorkloadState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a pass: a pure function of the active jobs and what the engine shows. It never calls
 * Docker or the store, so every rule here is tested without either.
 */
public final class Planner {
    static final Duration DEFAULT_ORPHAN_GRACE = Duration.ofSeconds(60);

    private final Backend launchBackend;
    private final boolean autoCleanup;
    private final boolean launchEnabled;

    private final Duration orphanGrace;

    /** With launching on and the default grace for orphans. */
    public Planner(Backend launchBackend, boolean autoCleanup) {
        this(launchBackend, autoCleanup, true, DEFAULT_ORPHAN_GRACE);
    }

    /**
     * {@code launchEnabled} false pauses launching: pending jobs wait, launched ones are still
     * followed. A running object that belongs to no active job is removed once older than
     * {@code orphanGrace}.
     */
    public Planner(Backend launchBackend, boolean autoCleanup, boolean launchEnabled, Duration orphanGrace) {
        this.launchBackend = launchBackend;
        this.autoCleanup = autoCleanup;
        this.launchEnabled = launchEnabled;
        this.orphanGrace = orphanGrace;
    }

    /** Whether pending jobs may be launched at all (reconciler.launch). */
    public Backend launchBackend() {
        return launchBackend;
    }

    public boolean launchEnabled() {
        return launchEnabled;
    }

    /** With room for every pending job: no queue limits. */
    public List<Action> plan(List<Job> activeJobs, Observed observed, Instant now) {
        return plan(activeJobs, observed, now, LaunchRoom.unlimited());
    }

    /**
     * {@code room} says how many pending jobs each queue may launch now; the pending jobs take it
     * in launch order (higher priority first, then older first), and the rest wait, still queued.
     */
    List<Action> plan(List<Job> activeJobs, Observed observed, Instant now, LaunchRoom room) {
        List<Action> actions = new ArrayList<>();
        if (!observed.engineAvailable()) {
            for (Job job : activeJobs) {
                if (job.awaitsLaunch()) {
                    Action hold = holdOnce(job, Reason.EngineUnavailable,
                            "the Docker engine is unavailable: " + observed.engineError());
                    if (hold != null) {
                        actions.add(hold);
                    }
                }
            }
            return actions;
        }
        Map<String, Workload> byStep = new HashMap<>();
        observed.workloads().forEach(w -> byStep.put(key(w.jobId(), w.attempt(), w.step()), w));
        for (Job job : inLaunchOrder(activeJobs, room)) {
            Action action = planJob(job, byStep, observed, now, room);
            if (action != null) {
                actions.add(action);
            }
        }
        // What is left is claimed by no job's current step: objects of steps and attempts that ended
        // (recorded before they are removed), or of no job at all.
        byStep.values().stream()
                .filter(w -> isOrphan(w, now) || (autoCleanup && w.state() != WorkloadState.ACTIVE))
                .forEach(w -> actions.add(new Action.RemoveLeftover(w)));
        return actions;
    }

    /**
     * Launched jobs first (their order does not matter), then the pending ones in launch order:
     * higher priority first; among equal priorities in a queue shared by a label, the owners take
     * turns (each owner's first job, then each one's second, ...; the owner served longest ago
     * first); then older first. The order is fixed before any job takes room.
     */
    private static List<Job> inLaunchOrder(List<Job> jobs, LaunchRoom room) {
        List<Job> byAge = new ArrayList<>(jobs);
        byAge.sort(Comparator.comparing((Job job) -> -job.spec().priority()).thenComparing(Job::id));
        Map<String, Integer> turnsTaken = new HashMap<>();
        Map<String, Integer> turn = new HashMap<>();
        for (Job job : byAge) {
            String owner = room.limitOf(job.spec().queue()).shareOf(job);
            turn.put(job.id(), owner == null ? 0 : turnsTaken.merge(job.spec().queue() + "/" + job.spec().priority()
                    + "/" + owner, 1, Integer::sum));
        }
        List<Job> ordered = new ArrayList<>(byAge);
        ordered.sort(Comparator.comparing((Job job) -> job.awaitsLaunch())
                .thenComparing(job -> -job.spec().priority())
                .thenComparing(job -> turn.get(job.id()))
                .thenComparing(room::ownerLastServed)
                .thenComparing(Job::id));
        return ordered;
    }

    private Action planJob(Job job, Map<String, Workload> byStep, Observed observed, Instant now,
                           LaunchRoom room) {
        boolean swarmManager = observed.swarmManager();
        Optional<Attempt> attempt = job.liveAttempt();
        Optional<Step> step = attempt.flatMap(Attempt::currentStep);
        // A pending job claims its next attempt's first object too: one a crashed launch left behind.
        int stepIndex = step.map(Step::index).orElse(0);
        Workload workload = step.isPresent() || job.awaitsLaunch()
                ? byStep.remove(key(job.id(), job.currentAttempt(), stepIndex)) : null;
        Action stop = stopIfDue(job, step.orElse(null), workload, now);
        if (stop != null) {
            return stop;
        }
        if (job.awaitsLaunch()) {
            Instant retryAt = job.status().nextAttemptAt();
            if (!launchEnabled || (retryAt != null && retryAt.isAfter(now))) {
                return null;
            }
            if (launchBackend == Backend.SERVICE && !swarmManager) {
                return holdOnce(job, Reason.EngineNotSwarmManager, "docker.swarmMode is true but the engine is"
                        + " not a swarm manager: the job waits until it is (Berth never falls back to containers)");
            }
            LaunchRoom.Admission admission = room.take(job);
            if (admission == LaunchRoom.Admission.NO_CAPACITY) {
                return sayOnce(job, Reason.Queued, LaunchRoom.INSUFFICIENT_CAPACITY);
            }
            if (admission == LaunchRoom.Admission.NO_ROOM) {
                // It stays queued; one that waited for capacity before now waits for room, and says so.
                return LaunchRoom.INSUFFICIENT_CAPACITY.equals(job.status().message())
                        ? sayOnce(job, Reason.Queued, JobStatus.QUEUED_MESSAGE) : null;
            }
            // Even when its object exists (Berth died between create and the status write): the
            // launch meets the name, adopts the object, and records the attempt properly.
            return new Action.Launch(job, launchBackend, 0);
        }
        if (step.isEmpty()) {
            return null; // launched, yet no step left to run: cannot be written so; nothing to act on
        }
        Backend backend = attempt.get().backend();
        if (backend == Backend.SERVICE && !swarmManager) {
            return null; // services cannot be listed now, so not seeing this one proves nothing
        }
        return workload == null ? planWithoutObject(job, backend, step.get())
                : planWithObject(job, backend, step.get(), workload, observed.died().contains(workload.objectId()));
    }

    /**
     * A step waits for a node, or runs and reports nothing new: nothing to look at in detail. Unless
     * the engine said its container died: then it is looked at even while the listing, a moment
     * behind, shows it running.
     */
    private static Action planWithObject(Job job, Backend backend, Step step, Workload workload,
                                         boolean reportedDead) {
        boolean steady = workload.state() == WorkloadState.ACTIVE && step.phase() == Phase.Running
                && workload.objectId().equals(step.objectId(backend)) && !reportedDead;
        boolean ending = reportedDead || workload.state() == WorkloadState.FINISHED;
        return steady ? null : new Action.Observe(job, step.index(), workload, ending);
    }

    private static Action planWithoutObject(Job job, Backend backend, Step step) {
        String objectId = step.objectId(backend);
        if (objectId == null) {
            // Not created yet (the next step), or the create never got through (or Berth died
            // before it): the deterministic name makes a second create safe.
            return new Action.Launch(job, backend, step.index());
        }
        return new Action.MarkLost(job, step.index(), backend.wireName() + " " + objectId + " of attempt "
                + job.currentAttempt() + " disappeared before it finished");
    }

    /**
     * A cancel request or a passed deadline ends the job, whatever its attempt is doing; so does a
     * step that no node could take for policy.scheduleTimeoutSeconds (counted from its object's creation).
     */
    private static Action stopIfDue(Job job, Step step, Workload workload, Instant now) {
        if (job.spec().desired() == Desired.Cancel) {
            return new Action.Stop(job, workload, Action.StopCause.CANCEL);
        }
        Long deadline = job.spec().policy().activeDeadlineSeconds();
        Instant firstStart = job.status().startedAt();
        if (deadline != null && firstStart != null && !firstStart.plusSeconds(deadline).isAfter(now)) {
            return new Action.Stop(job, workload, Action.StopCause.DEADLINE);
        }
        Long scheduleTimeout = job.spec().policy().scheduleTimeoutSeconds();
        boolean unschedulable = step != null && step.phase() == Phase.Pending && step.reason() == Reason.Unschedulable;
        if (scheduleTimeout != null && unschedulable && workload != null && workload.createdAt() != null
                && !workload.createdAt().plusSeconds(scheduleTimeout).isAfter(now)) {
            return new Action.Stop(job, workload, Action.StopCause.SCHEDULE_TIMEOUT);
        }
        return null;
    }

    /**
     * Still running, yet no active job claims it: its record is gone (a database restored from an
     * old backup, a job deleted) or already terminal. It is Berth's own (instance label), so after a
     * grace period, which leaves room for a launch that is racing this listing, it goes.
     */
    private boolean isOrphan(Workload workload, Instant now) {
        return workload.state() != WorkloadState.FINISHED && workload.createdAt() != null
                && workload.createdAt().plus(orphanGrace).isBefore(now);
    }

    /**
     * Says why a pending job waits, once: repeating an unchanged reason would only add events (the
     * engine's error text may vary from pass to pass; the reason is what is news).
     */
    private static Action holdOnce(Job job, Reason reason, String message) {
        return job.status().reason() == reason ? null : new Action.HoldPending(job, reason, message);
    }

    /**
     * Says why a pending job waits unless it says just that already: a queued job's reason stays
     * {@code Queued} whether it waits for room or for capacity, so its message is the news.
     */
    private static Action sayOnce(Job job, Reason reason, String message) {
        boolean said = job.status().reason() == reason && message.equals(job.status().message());
        return said ? null : new Action.HoldPending(job, reason, message);
    }

    private static String key(String jobId, int attempt, int step) {
        return jobId + "/" + attempt + "/" + step;
    }
}
