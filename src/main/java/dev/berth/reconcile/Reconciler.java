package dev.berth.reconcile;

import dev.berth.command.ResolutionException;
import dev.berth.core.CapturedLog;
import dev.berth.core.Job;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.StatusChange;
import dev.berth.db.JobStore;
import dev.berth.docker.BerthLabels;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.EngineListing;
import dev.berth.docker.EngineUnavailableException;
import dev.berth.docker.GatewayException;
import dev.berth.docker.LaunchOutcome;
import dev.berth.docker.LaunchRequest;
import dev.berth.docker.Observation;
import dev.berth.docker.Workload;
import dev.berth.jobs.SpecResolver;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile pass: list the engine's objects, then read the active jobs (in that order, so the
 * job set is never older than the listing), plan, and carry out each action on its own.
 * <p>
 * The actions of a pass run side by side on {@code actions} and the pass ends when all have: each
 * concerns one job (or one leftover object), the planner gives a job at most one, and a Docker call
 * mostly waits on the engine, so a burst of launches or endings does not queue behind one another.
 * Passes themselves never overlap, so no two actions on the same job ever run at once.
 */
public class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final JobStore store;
    private final DockerGateway docker;
    private final Planner planner;
    private final SpecResolver resolver;
    private final ReconcilerSettings settings;
    private final StatusWriter writer;
    private final AttemptCloser closer;
    private final Clock clock;
    private final Executor actions;
    private Runnable requestPass = () -> { };

    /** Carries out a pass's actions one after another, on the thread of the pass. */
    public Reconciler(JobStore store, DockerGateway docker, Planner planner, SpecResolver resolver,
                      ReconcilerSettings settings, Clock clock) {
        this(store, docker, planner, resolver, settings, clock, Runnable::run);
    }

    public Reconciler(JobStore store, DockerGateway docker, Planner planner, SpecResolver resolver,
                      ReconcilerSettings settings, Clock clock, Executor actions) {
        this.actions = actions;
        this.store = store;
        this.docker = docker;
        this.planner = planner;
        this.resolver = resolver;
        this.settings = settings;
        this.clock = clock;
        this.writer = new StatusWriter(store, clock);
        this.closer = new AttemptCloser(docker, writer, settings, clock);
    }

    /** Lets an action ask for another pass at once (after a launch, the next look is worth having soon). */
    public void onPassNeeded(Runnable requestPass) {
        this.requestPass = requestPass;
    }

    public void pass() {
        Observed observed = observe();
        List<Job> active = store.active();
        LOG.debug("pass: {} active jobs, engine shows {}", active.size(), observed.workloads());
        List<CompletableFuture<Void>> running = planner.plan(active, observed, clock.instant()).stream()
                .map(action -> CompletableFuture.runAsync(() -> executeAlone(action), actions))
                .toList();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        int expired = store.deleteExpired(clock.millis());
        if (expired > 0) {
            LOG.info("deleted {} finished jobs whose retention ran out", expired);
        }
    }

    private Observed observe() {
        try {
            EngineListing listing = docker.listWorkloads();
            return Observed.available(listing.workloads(), listing.swarmManager());
        } catch (EngineUnavailableException e) {
            return Observed.unavailable(e.getMessage());
        }
    }

    /** One action's failure is logged and left to the next pass; it never stops the others. */
    private void executeAlone(Action action) {
        try {
            execute(action);
        } catch (GatewayException e) {
            LOG.warn("{}: {}; the next pass tries again", action.describe(), action.secrets().mask(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("{} failed; the next pass tries again", action.describe(), e);
        }
    }

    private void execute(Action action) {
        if (action instanceof Action.Launch launch) {
            launch(launch);
        } else if (action instanceof Action.Observe observe) {
            observe(observe.job(), observe.workload());
        } else if (action instanceof Action.MarkLost lost) {
            write(lost.job(), Transitions.failed(lost.job(), Reason.Lost, lost.message(), clock.instant(),
                    settings.lifecycle()), null, null);
        } else if (action instanceof Action.Stop stop) {
            closer.stop(stop);
        } else if (action instanceof Action.HoldPending hold) {
            write(hold.job(), Transitions.heldPending(hold.job(), hold.reason(), hold.message(),
                    clock.instant()), null, null);
        } else if (action instanceof Action.RemoveLeftover leftover) {
            if (leftover.workload().state() != dev.berth.docker.WorkloadState.FINISHED) {
                LOG.warn("removing {} {}: it carries this instance's labels but no active job claims it",
                        leftover.workload().backend().wireName(), leftover.workload().name());
            }
            docker.remove(leftover.workload());
        }
    }

    private void launch(Action.Launch launch) {
        Job job = launch.job();
        SpecResolver.Resolution resolved;
        try {
            resolved = resolver.resolve(job.spec());
        } catch (ResolutionException e) {
            write(job, Transitions.failed(job, Reason.ResolutionFailed, e.getMessage(), clock.instant(),
                    settings.lifecycle()), null, null);
            return;
        }
        int attempt = job.status().phase() == Phase.Pending ? job.status().attempts() + 1 : job.status().attempts();
        String name = BerthLabels.objectName(job.id(), attempt);
        Optional<Job> launching = write(job, Transitions.launching(job, launch.backend(), name, clock.instant()),
                resolved.shown(), null);
        if (launching.isEmpty()) {
            return;
        }
        var request = new LaunchRequest(name, BerthLabels.onto(resolved.launch().labels(), settings.instanceId(),
                job.id(), attempt), resolved.launch());
        LaunchOutcome outcome = docker.launch(launch.backend(), request);
        if (outcome instanceof LaunchOutcome.Launched launched) {
            String message = (launched.adopted() ? "adopted " : "created ") + name;
            write(launching.get(), Transitions.created(launching.get(), launch.backend(), launched.objectId(),
                    message), null, null);
            requestPass.run();
        } else if (outcome instanceof LaunchOutcome.Refused refused) {
            write(launching.get(), Transitions.failed(launching.get(), refused.reason(), refused.message(),
                    clock.instant(), settings.lifecycle()), null, null);
        }
    }

    private void observe(Job job, Workload workload) {
        Optional<Observation> seen = docker.observe(workload);
        if (seen.isEmpty()) {
            execute(new Action.MarkLost(job, workload.name() + " disappeared before it finished"));
            return;
        }
        Observation observation = seen.get();
        if (observation.phase() == Phase.Launching) {
            docker.start(workload);
            requestPass.run();
        }
        Optional<StatusChange> change = Transitions.observed(job, observation, clock.instant(), settings.lifecycle());
        if (change.isEmpty()) {
            return;
        }
        if (observation.isTerminal()) {
            closer.finished(job, workload, change.get());
        } else {
            write(job, change.get(), null, null);
        }
    }

    private Optional<Job> write(Job job, StatusChange change, ResolvedSpec resolved, CapturedLog logs) {
        return writer.write(job, change, resolved, logs);
    }
}
