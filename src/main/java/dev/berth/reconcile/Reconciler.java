package dev.berth.reconcile;

import dev.berth.command.ResolutionException;
import dev.berth.core.Attempt;
import dev.berth.core.AttemptEnding;
import dev.berth.core.Backend;
import dev.berth.core.Capacity;
import dev.berth.core.Job;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Resources;
import dev.berth.core.StatusChange;
import dev.berth.core.StepOutput;
import dev.berth.db.JobStore;
import dev.berth.db.LeaseLostException;
import dev.berth.db.StoreFailures;
import dev.berth.docker.BerthLabels;
import dev.berth.docker.CreateWithheldException;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.EngineListing;
import dev.berth.docker.EngineUnavailableException;
import dev.berth.docker.GatewayException;
import dev.berth.docker.LaunchOutcome;
import dev.berth.docker.LaunchRequest;
import dev.berth.docker.Observation;
import dev.berth.docker.SharedVolume;
import dev.berth.docker.SwarmNode;
import dev.berth.docker.Workload;
import dev.berth.jobs.SpecResolver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile pass: list the engine's objects, then read the active jobs (in that order, so the
 * job set is never older than the listing), plan, and hand each action to the {@link ActionRunner}.
 * <p>
 * The pass does not wait for its actions: each concerns one job (or one leftover object), the
 * planner gives a job at most one, and the runner carries them out side by side, leaving a job
 * with an action under way out of the passes until it is through. A launch asks for a pass once
 * it is through, the other actions when what they did calls for one. Passes never overlap.
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
    private final ActionRunner runner;
    private final VolumeSweep volumeSweep;
    private final NodeLossWatch nodeLoss;
    private final EngineCapacity capacity;
    private final ServiceListing serviceListing;
    private final RetentionSweep retention;
    /** Containers the engine said died since the last pass took them (their ids). */
    private final Set<String> died = ConcurrentHashMap.newKeySet();
    private final OutputReadAhead readAhead = new OutputReadAhead();
    /** The resources of jobs from a command, as resolved (a job's resources never change): what capacity counts. */
    private final Map<String, Resources> commandResources = new ConcurrentHashMap<>();
    /** Per queue, how many of the heads the last pass read can never fit: read that many more. */
    private Map<String, Integer> tooLarge = Map.of();
    private final ShareTurns shareTurns = new ShareTurns();
    private Runnable requestPass = () -> { };
    /** Asked just before each launch: false once this process may no longer reconcile. */
    private BooleanSupplier mayLaunch = () -> true;
    /** This process among those of the instance, on the objects it creates; null: no such label. */
    private String member;
    /** Set by an action that calls for another pass; the runner asks for it once the job is free again. */
    private final ThreadLocal<Boolean> passWanted = ThreadLocal.withInitial(() -> false);

    /** Carries out a pass's actions, launches too, one after another on the thread of the pass. */
    public Reconciler(JobStore store, DockerGateway docker, Planner planner, SpecResolver resolver,
                      ReconcilerSettings settings, Clock clock) {
        this(store, docker, planner, resolver, settings, clock, Runnable::run, Runnable::run, Integer.MAX_VALUE,
                Runnable::run);
    }

    /**
     * Launches on {@code launches}, at most {@code maxLaunching} under way at once; the other actions
     * on {@code actions}; the output of a step that ended is read on {@code outputReads} while its
     * action inspects it (see {@link OutputReadAhead}): a thread free for each action, and never the
     * actions' own, which would wait for themselves.
     */
    public Reconciler(JobStore store, DockerGateway docker, Planner planner, SpecResolver resolver,
                      ReconcilerSettings settings, Clock clock, Executor actions, Executor launches,
                      int maxLaunching, Executor outputReads) {
        this.runner = new ActionRunner(launches, maxLaunching, actions, this::executeAlone,
                () -> requestPass.run());
        this.store = store;
        this.docker = docker;
        this.planner = planner;
        this.resolver = resolver;
        this.settings = settings;
        this.clock = clock;
        this.writer = new StatusWriter(store, clock);
        this.volumeSweep = new VolumeSweep(docker, settings.autoCleanup(), clock);
        this.closer = new AttemptCloser(writer, settings, clock, volumeSweep, outputReads);
        this.nodeLoss = new NodeLossWatch(settings.nodeLossGrace());
        this.capacity = new EngineCapacity(settings.capacity(), docker, clock);
        this.serviceListing = new ServiceListing(planner.launchBackend(), clock);
        this.retention = new RetentionSweep(store, clock);
    }

    /**
     * The engine announced the container's death: the next pass looks at its job even if its
     * listing still shows the container running, and a look at it under way reads its output
     * already. The caller wakes the loop.
     */
    public void containerDied(String containerId) {
        died.add(containerId);
        readAhead.died(containerId);
    }

    /** Lets an action ask for another pass at once (after a launch, the next look is worth having soon). */
    public void onPassNeeded(Runnable requestPass) {
        this.requestPass = requestPass;
    }

    /**
     * Launches only while {@code mayLaunch} says so (the leadership, confirmed by the database): a
     * create is the one change that no fenced write of the store can take back. Objects carry
     * {@code member} as their berth.member label.
     */
    public void launchAs(String member, BooleanSupplier mayLaunch) {
        this.member = member;
        this.mayLaunch = mayLaunch;
    }

    public void pass() {
        // Taken before the listing: a job whose action wrote after it may have a record newer than
        // the listing (a service created but not listed would look lost).
        Set<String> busy = runner.busy();
        Map<String, Job> launchesUnderWay = runner.launchesUnderWay();
        boolean withServices = serviceListing.due();
        Set<String> deaths = new HashSet<>(died); // before the listing: a death after it waits for the next pass
        died.removeAll(deaths);
        Observed observed = observe(withServices).withDied(deaths);
        List<Job> launched = store.launched();
        serviceListing.passed(withServices && observed.swarmManager(), launched);
        LaunchRoom room = room(launched, launchesUnderWay, observed);
        List<Job> active = new ArrayList<>(launched);
        for (String queue : room.queues()) {
            // Beyond the room, as many again as launches are under way: those are among the heads
            // (still pending in the store) and are left out below, not launched twice.
            int underWay = (int) launchesUnderWay.values().stream().filter(j -> queue.equals(j.spec().queue())).count();
            int heads = room.of(queue) + underWay + (room.of(queue) > 0 ? tooLarge.getOrDefault(queue, 0) : 0);
            String shareLabel = room.limitOf(queue).fairShareLabel();
            List<Job> waiting = new ArrayList<>(shareLabel == null ? store.queueHeads(queue, heads, clock.instant())
                    : store.queueHeadsPerShare(queue, shareLabel, heads, clock.instant()));
            // A head being launched is counted already and must not take room again. A head busy
            // otherwise (being told why it waits, say) holds its queue for this pass, so that no
            // job behind it passes it while it is away.
            waiting.removeIf(job -> launchesUnderWay.containsKey(job.id()));
            if (waiting.removeIf(job -> busy.contains(job.id()) || runner.isBusy(job.id()))) {
                room.hold(queue);
            }
            active.addAll(waiting);
        }
        nodeLoss.retainJobsOf(active);
        LOG.debug("pass: {} active jobs, engine shows {}", active.size(), observed.workloads());
        for (Action action : planner.plan(active, observed, clock.instant(), room)) {
            runner.run(action, busy); // not run now (busy, or no launch slot): a later pass plans it again
        }
        Map<String, Integer> tooLargeNow = new HashMap<>();
        room.queues().forEach(queue -> {
            if (room.tooLarge(queue) > 0) {
                tooLargeNow.put(queue, room.tooLarge(queue));
            }
        });
        tooLarge = tooLargeNow;
        if (!commandResources.isEmpty()) {
            Set<String> ids = new HashSet<>();
            active.forEach(job -> ids.add(job.id()));
            commandResources.keySet().retainAll(ids);
        }
        if (observed.engineAvailable()) {
            volumeSweep.sweepIfDue(active);
        }
        retention.sweepIfDue();
    }

    /**
     * Counted from the store's launched jobs and the launches under way (the store may not show
     * them launched yet): the limits hold across restarts, since nothing of it is only in memory
     * but what is also on its way into the store. So is the capacity the containers take.
     */
    private LaunchRoom room(List<Job> launched, Map<String, Job> launchesUnderWay, Observed observed) {
        if (!planner.launchEnabled()) {
            return LaunchRoom.none();
        }
        Capacity total = null;
        if (capacity.counted() && observed.engineAvailable()) {
            // Unknown yet (the engine did not say what its host has): only jobs that ask for nothing fit.
            total = capacity.total().orElse(Capacity.ZERO);
        }
        Map<String, Job> counted = new HashMap<>(launchesUnderWay);
        launched.forEach(job -> counted.put(job.id(), job));
        return LaunchRoom.of(settings.queueLimits(), store.pausedQueues(), counted.values(),
                runner.freeLaunchSlots(), shareTurns, total, this::resourcesOf);
    }

    /**
     * A job's resources as its container gets them: a job from a command has the command's limits,
     * known once resolved (resolved once per job; a job that cannot be resolved asks for nothing
     * here, and fails at its launch).
     */
    private Resources resourcesOf(Job job) {
        if (job.spec().fromCommand() == null) {
            return job.spec().resources();
        }
        return commandResources.computeIfAbsent(job.id(), id -> {
            try {
                return resolver.resolve(job.launchSpec()).steps().get(0).resources();
            } catch (ResolutionException e) {
                return Resources.NONE;
            }
        });
    }

    private Observed observe(boolean withServices) {
        try {
            EngineListing listing = docker.listWorkloads(withServices);
            return Observed.available(listing.workloads(), listing.swarmManager());
        } catch (EngineUnavailableException e) {
            return Observed.unavailable(e.getMessage());
        }
    }

    /**
     * One action's failure is logged and left to the next pass; it never stops the others. True
     * when what it did calls for another pass (a next step or attempt to launch, a container to
     * follow after its start).
     */
    private boolean executeAlone(Action action) {
        passWanted.set(false);
        try {
            execute(action, docker.forJob(action.secrets()));
        } catch (GatewayException e) {
            LOG.warn("{}: {}; the next pass tries again", action.describe(), e.getMessage());
        } catch (LeaseLostException e) {
            LOG.info("{} dropped: {}", action.describe(), e.getMessage());
        } catch (RuntimeException e) {
            if (StoreFailures.unreachable(e)) {
                LOG.warn("{}: the database cannot be reached; the next pass tries again", action.describe());
            } else {
                LOG.error("{} failed; the next pass tries again", action.describe(), e);
            }
        }
        boolean wanted = passWanted.get();
        passWanted.set(false);
        return wanted;
    }

    /**
     * Not at once: a pass that started now would still find the job busy and skip it. The runner
     * asks for the pass once the action is through.
     */
    private void askForPass() {
        passWanted.set(true);
    }

    /** {@code engine} is the job's own view of the engine: what it says of the job comes masked. */
    private void execute(Action action, DockerGateway engine) {
        if (action instanceof Action.Launch launch) {
            launch(launch, engine);
        } else if (action instanceof Action.Observe observe) {
            observe(observe, engine);
        } else if (action instanceof Action.MarkLost lost) {
            write(lost.job(), Transitions.stepFailed(lost.job(), lost.step(), Reason.Lost, lost.message(),
                    clock.instant(), settings.lifecycle()), null, null);
        } else if (action instanceof Action.Stop stop) {
            closer.stop(engine, stop);
        } else if (action instanceof Action.HoldPending hold) {
            write(hold.job(), Transitions.heldPending(hold.job(), hold.reason(), hold.message(),
                    clock.instant()), null, null);
        } else if (action instanceof Action.RemoveLeftover leftover) {
            if (leftover.workload().state() != dev.berth.docker.WorkloadState.FINISHED) {
                LOG.warn("removing {} {}: it carries this instance's labels but no active job claims it",
                        leftover.workload().backend().wireName(), leftover.workload().name());
            }
            engine.remove(leftover.workload());
        }
    }

    private void launch(Action.Launch launch, DockerGateway engine) {
        Job job = launch.job();
        boolean newAttempt = job.awaitsLaunch();
        SpecResolver.Resolution resolved;
        try {
            resolved = resolver.resolve(job.launchSpec());
        } catch (ResolutionException e) {
            write(job, newAttempt
                    ? AttemptEnding.withoutAttempt(job, Phase.Failed, Reason.ResolutionFailed, e.getMessage(),
                            clock.instant(), settings.lifecycle())
                    : Transitions.stepFailed(job, launch.step(), Reason.ResolutionFailed, e.getMessage(),
                            clock.instant(), settings.lifecycle()), null, null);
            return;
        }
        int attempt = job.currentAttempt();
        int step = launch.step();
        String name = BerthLabels.objectName(job.id(), attempt, step, resolved.steps().size());
        Job current = job;
        if (newAttempt) {
            Optional<Job> launching = write(job, Transitions.launching(job, launch.backend(), name, clock.instant()),
                    resolved.shown(), null);
            if (launching.isEmpty()) {
                return;
            }
            current = launching.get();
        }
        ResolvedSpec spec = resolved.steps().get(step);
        Map<String, String> labels = new HashMap<>(BerthLabels.onto(spec.labels(), settings.instanceId(), job.id(),
                attempt, step));
        if (member != null) {
            labels.put(BerthLabels.MEMBER, member);
        }
        var request = new LaunchRequest(name, labels, spec, volumes(job, attempt), job.spec().placementOrNone(),
                nodeOfLaterStep(current.attempt(), step));
        if (!mayLaunch.getAsBoolean()) {
            LOG.info("{} not launched: this process no longer leads the reconciler", name);
            return;
        }
        LaunchOutcome outcome;
        try {
            outcome = engine.launch(current.attempt().backend(), request);
        } catch (CreateWithheldException e) {
            LOG.info("{} not launched: {}", name, e.getMessage());
            return;
        }
        if (outcome instanceof LaunchOutcome.Launched launched) {
            String message = (launched.adopted() ? "adopted " : "created ") + name;
            write(current, Transitions.created(current, step, launched.objectId(), message), null, null);
        } else if (outcome instanceof LaunchOutcome.Refused refused) {
            write(current, Transitions.stepFailed(current, step, refused.reason(), refused.message(), clock.instant(),
                    settings.lifecycle()), null, null);
        }
    }

    /** Every step of an attempt mounts the attempt's volumes, one per path of the job's {@code volumes}. */
    private static List<SharedVolume> volumes(Job job, int attempt) {
        List<String> paths = job.spec().volumePaths();
        List<SharedVolume> volumes = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            volumes.add(new SharedVolume(BerthLabels.volumeName(job.id(), attempt, i), paths.get(i)));
        }
        return volumes;
    }

    /**
     * A swarm volume is local to the node that made it, so the steps after the first run where the
     * first ran. Containers all run on the one engine: no constraint.
     */
    private static String nodeOfLaterStep(Attempt attempt, int step) {
        if (step == 0 || attempt.backend() != Backend.SERVICE) {
            return null;
        }
        return attempt.nodeId() != null ? attempt.nodeId() : attempt.step(0).nodeId();
    }

    private void observe(Action.Observe action, DockerGateway engine) {
        Job job = action.job();
        int step = action.step();
        Workload workload = action.workload();
        var inspection = readAhead.begin(workload.objectId(), () -> closer.readOutput(engine, workload),
                action.ending());
        Optional<Observation> seen;
        CompletableFuture<StepOutput> output;
        try {
            seen = engine.observeAsListed(workload);
        } finally {
            output = inspection.end();
        }
        if (seen.isEmpty()) {
            execute(new Action.MarkLost(job, step, workload.name() + " disappeared before it finished"), engine);
            return;
        }
        Observation observation = pinnedToALostNode(job, step, seen.get(), engine);
        if (observation.stranded() != null) {
            if (nodeLoss.strandedTooLong(job.id(), workload.attempt(), step, clock.instant())) {
                loseStep(job, step, workload, observation.stranded() + " for over " + nodeLoss.grace().toSeconds()
                        + " s: the attempt is lost with it", engine);
            }
            return; // else its node may be back in a moment: the record keeps what it said before
        }
        if (observation.isTerminal() && observation.phase() != Phase.Succeeded
                && nodeLoss.wasStranded(job.id(), workload.attempt(), step)) {
            // Its node came back within the grace and reported the task it had lost (a dockerd that
            // died kills its containers: exit 137). The swarm had given it up: not the job's result.
            loseStep(job, step, workload, "the swarm shut the task down when it lost its node, which came back"
                    + " and reported it " + observation.message() + ": the attempt is lost with it", engine);
            return;
        }
        nodeLoss.clear(job.id(), workload.attempt(), step);
        if (observation.phase() == Phase.Launching && workload.backend() == Backend.CONTAINER) {
            // Created, never started (Berth stopped in between). A service's task starts by itself,
            // and the gateway's task watch wakes the loop when it has.
            engine.start(workload);
            askForPass();
        }
        Optional<StatusChange> change = Transitions.observed(job, step, observation, clock.instant(),
                settings.lifecycle());
        if (change.isEmpty()) {
            return;
        }
        if (observation.phase() == Phase.Lost && observation.reason() == Reason.NodeLost) {
            closer.lost(engine, job, step, workload, change.get()); // its node cannot give its output
            askForPass();
        } else if (observation.isTerminal()) {
            boolean written = closer.finished(engine, job, step, workload, change.get(), output);
            if (written && !change.get().attempt().isTerminal()) {
                askForPass(); // the next step launches on the next pass
            }
        } else {
            write(job, change.get(), null, null);
        }
    }

    /** The step is lost with its node: no output to read, its service goes, the next attempt launches. */
    private void loseStep(Job job, int step, Workload workload, String message, DockerGateway engine) {
        nodeLoss.clear(job.id(), workload.attempt(), step);
        closer.lost(engine, job, step, workload, Transitions.stepLost(job, step, message, clock.instant(),
                settings.lifecycle()));
        askForPass();
    }

    /**
     * A later step must run on its attempt's node, where the volumes are: if that node is down,
     * drained or gone, its task waits (Unschedulable) for a node that may never return, which is
     * the attempt lost with its node, after the same grace as a task stranded on it.
     */
    private static Observation pinnedToALostNode(Job job, int step, Observation seen, DockerGateway engine) {
        String pinned = job.attempt().nodeId();
        if (step == 0 || pinned == null || seen.reason() != Reason.Unschedulable || seen.stranded() != null) {
            return seen;
        }
        Optional<SwarmNode> node = engine.nodes().flatMap(all -> all.stream()
                .filter(n -> pinned.equals(n.id())).findFirst());
        String name = job.attempt().nodeHostname() != null ? job.attempt().nodeHostname() : pinned;
        if (node.isEmpty()) {
            return seen.stranded("node " + name + ", where the attempt's volumes are, has left the swarm");
        }
        if (node.get().takesTasks()) {
            return seen;
        }
        String state = node.get().state();
        return seen.stranded("node " + name + ", where the attempt's volumes are, is "
                + ("ready".equals(state) ? "drained" : state));
    }

    private Optional<Job> write(Job job, StatusChange change, ResolvedSpec resolved, JobStore.Captured captured) {
        return writer.write(job, change, resolved, captured);
    }
}
