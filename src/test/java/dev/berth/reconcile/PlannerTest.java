package dev.berth.reconcile;

import static dev.berth.support.Jobs.NOW;
import static dev.berth.support.Jobs.launching;
import static dev.berth.support.Jobs.pending;
import static dev.berth.support.Jobs.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.Reason;
import dev.berth.docker.Workload;
import dev.berth.support.Jobs;
import dev.berth.docker.WorkloadState;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final Planner planner = new Planner(Backend.CONTAINER, true);

    @Test
    void aPendingJobWithoutAnObjectIsLaunchedWithTheConfiguredBackend() {
        List<Action> actions = planner.plan(List.of(pending("a")), Observed.available(List.of()), NOW);

        assertThat(actions).containsExactly(new Action.Launch(pending("a"), Backend.CONTAINER, 0));
    }

    @Test
    void aPendingJobWhoseObjectAlreadyExistsIsLaunchedSoThatTheNameClashAdoptsIt() {
        Workload created = workload("a", 1, "c1", WorkloadState.ACTIVE);

        List<Action> actions = planner.plan(List.of(pending("a")), Observed.available(List.of(created)), NOW);

        assertThat(actions).containsExactly(new Action.Launch(pending("a"), Backend.CONTAINER, 0));
    }

    @Test
    void aLaunchingJobWhoseCreateNeverLandedIsLaunchedAgainUnderTheSameAttempt() {
        Job job = launching("a", null);

        List<Action> actions = planner.plan(List.of(job), Observed.available(List.of()), NOW);

        assertThat(actions).containsExactly(new Action.Launch(job, Backend.CONTAINER, 0));
    }

    @Test
    void aRunningJobWhoseContainerVanishedIsLost() {
        Job job = running("a", "c1");

        List<Action> actions = planner.plan(List.of(job), Observed.available(List.of()), NOW);

        assertThat(actions).singleElement().isInstanceOfSatisfying(Action.MarkLost.class,
                lost -> assertThat(lost.message()).contains("c1").contains("disappeared"));
    }

    @Test
    void aSteadyRunningJobNeedsNoAction() {
        Job job = running("a", "c1");

        List<Action> actions = planner.plan(List.of(job),
                Observed.available(List.of(workload("a", 1, "c1", WorkloadState.ACTIVE))), NOW);

        assertThat(actions).isEmpty();
    }

    @Test
    void aRunningJobWhoseContainerTheEngineSaidDiedIsObservedThoughTheListingStillShowsItRunning() {
        Job job = running("a", "c1");
        Workload listed = workload("a", 1, "c1", WorkloadState.ACTIVE);

        List<Action> actions = planner.plan(List.of(job),
                Observed.available(List.of(listed)).withDied(java.util.Set.of("c1")), NOW);

        assertThat(actions).containsExactly(new Action.Observe(job, 0, listed, true));
    }

    @Test
    void aDeathOfAnotherContainerLeavesASteadyJobAlone() {
        Job job = running("a", "c1");

        List<Action> actions = planner.plan(List.of(job), Observed.available(
                List.of(workload("a", 1, "c1", WorkloadState.ACTIVE))).withDied(java.util.Set.of("c9")), NOW);

        assertThat(actions).isEmpty();
    }

    @Test
    void aFinishedOrNeverStartedContainerIsObserved() {
        Job job = running("a", "c1");
        Workload finished = workload("a", 1, "c1", WorkloadState.FINISHED);
        Workload created = workload("b", 1, "c2", WorkloadState.CREATED);

        List<Action> actions = planner.plan(List.of(job, launching("b", "c2")),
                Observed.available(List.of(finished, created)), NOW);

        assertThat(actions).containsExactly(new Action.Observe(job, 0, finished, true),
                new Action.Observe(launching("b", "c2"), 0, created, false));
    }

    @Test
    void finishedObjectsOfNoActiveJobAreRemovedButRunningOnesAreLeftAlone() {
        Workload leftover = workload("gone", 1, "c1", WorkloadState.FINISHED);
        Workload stillRunning = workload("other", 1, "c2", WorkloadState.ACTIVE);

        List<Action> actions = planner.plan(List.of(), Observed.available(List.of(leftover, stillRunning)), NOW);

        assertThat(actions).containsExactly(new Action.RemoveLeftover(leftover));
    }

    @Test
    void withoutAutoCleanupLeftoversStay() {
        Planner keeping = new Planner(Backend.CONTAINER, false);

        List<Action> actions = keeping.plan(List.of(),
                Observed.available(List.of(workload("gone", 1, "c1", WorkloadState.FINISHED))), NOW);

        assertThat(actions).isEmpty();
    }

    @Test
    void anObjectOfAnOlderAttemptDoesNotStandInForTheCurrentOne() {
        Job job = running("a", "c2");
        Workload old = workload("a", 0, "c0", WorkloadState.FINISHED);

        List<Action> actions = planner.plan(List.of(job), Observed.available(List.of(old)), NOW);

        assertThat(actions).hasSize(2).contains(new Action.RemoveLeftover(old))
                .anySatisfy(a -> assertThat(a).isInstanceOf(Action.MarkLost.class));
    }

    @Test
    void whileTheEngineIsUnavailablePendingJobsAreHeldOnceAndNothingElseHappens() {
        Job held = pending("b").withStatus(pending("b").status().withPhase(
                dev.berth.core.Phase.Pending, Reason.EngineUnavailable, "down"));

        List<Action> actions = planner.plan(List.of(pending("a"), held, running("c", "c1")),
                Observed.unavailable("connection refused"), NOW);

        assertThat(actions).singleElement().isInstanceOfSatisfying(Action.HoldPending.class, hold -> {
            assertThat(hold.job().id()).isEqualTo("a");
            assertThat(hold.reason()).isEqualTo(Reason.EngineUnavailable);
            assertThat(hold.message()).contains("connection refused");
        });
    }

    @Test
    void inSwarmModeOnAnEngineThatIsNoManagerPendingJobsWaitWithTheReasonAndNeverBecomeContainers() {
        Planner swarm = new Planner(Backend.SERVICE, true);

        List<Action> actions = swarm.plan(List.of(pending("a")), Observed.available(List.of(), false), NOW);

        assertThat(actions).singleElement().isInstanceOfSatisfying(Action.HoldPending.class,
                hold -> assertThat(hold.reason()).isEqualTo(Reason.EngineNotSwarmManager));
    }

    @Test
    void aServiceJobIsNotLostJustBecauseServicesCannotBeListed() {
        Job job = Jobs.launching("a", "s1", Jobs.spec(), Backend.SERVICE);

        assertThat(planner.plan(List.of(job), Observed.available(List.of(), false), NOW)).isEmpty();
        assertThat(planner.plan(List.of(job), Observed.available(List.of(), true), NOW))
                .singleElement().isInstanceOf(Action.MarkLost.class);
    }

    @Test
    void eachJobIsObservedThroughTheBackendItWasLaunchedWith() {
        Planner swarm = new Planner(Backend.SERVICE, true);
        Job containerJob = launching("a", null);

        List<Action> actions = swarm.plan(List.of(containerJob), Observed.available(List.of(), true), NOW);

        assertThat(actions).containsExactly(new Action.Launch(containerJob, Backend.CONTAINER, 0));
    }

    @Test
    void withLaunchingPausedPendingJobsWaitButLaunchedOnesAreStillFollowed() {
        Planner paused = new Planner(Backend.CONTAINER, true, false, java.time.Duration.ofSeconds(60));
        Job job = running("b", "c1");
        Workload finished = workload("b", 1, "c1", WorkloadState.FINISHED);

        List<Action> actions = paused.plan(List.of(pending("a"), job), Observed.available(List.of(finished)), NOW);

        assertThat(actions).containsExactly(new Action.Observe(job, 0, finished, true));
    }

    @Test
    void aRunningObjectThatNoActiveJobClaimsIsRemovedOnlyAfterTheGracePeriod() {
        Planner keeping = new Planner(Backend.CONTAINER, false, true, java.time.Duration.ofSeconds(60));
        Workload old = new Workload("gone", 1, Backend.CONTAINER, "c1", "berth-gone-1", WorkloadState.ACTIVE,
                NOW.minusSeconds(61));
        Workload young = new Workload("new", 1, Backend.CONTAINER, "c2", "berth-new-1", WorkloadState.ACTIVE,
                NOW.minusSeconds(5));

        List<Action> actions = keeping.plan(List.of(), Observed.available(List.of(old, young)), NOW);

        assertThat(actions).containsExactly(new Action.RemoveLeftover(old));
    }

    @Test
    void aRunningJobPastItsDeadlineIsStoppedAndOneBeforeItIsNot() {
        Job job = withPolicy(running("a", "c1"), new dev.berth.core.Policy(2, null, 60L, null));
        Workload active = workload("a", 1, "c1", WorkloadState.ACTIVE);

        assertThat(planner.plan(List.of(job), Observed.available(List.of(active)), NOW.plusSeconds(59))).isEmpty();
        assertThat(planner.plan(List.of(job), Observed.available(List.of(active)), NOW.plusSeconds(60)))
                .containsExactly(new Action.Stop(job, active, Action.StopCause.DEADLINE));
    }

    @Test
    void aJobInBackOffWaitsUntilItsNextAttemptTime() {
        Job failed = running("a", "c1");
        Job waiting = new Job("a", null, null, 1, failed.spec(), failed.status()
                .withPhase(dev.berth.core.Phase.Pending, Reason.BackOff, "wait").withRetryAt(NOW.plusSeconds(10)),
                failed.attempt().withPhase(dev.berth.core.Phase.Failed, Reason.NonZeroExit, "exited with code 1"), 3);

        assertThat(planner.plan(List.of(waiting), Observed.available(List.of()), NOW.plusSeconds(9))).isEmpty();
        assertThat(planner.plan(List.of(waiting), Observed.available(List.of()), NOW.plusSeconds(10)))
                .containsExactly(new Action.Launch(waiting, Backend.CONTAINER, 0));
    }

    @Test
    void aCancelRequestStopsTheRunningAttempt() {
        Job job = running("a", "c1");
        Job cancelled = new Job("a", null, null, 2, job.spec().withDesired(dev.berth.core.Desired.Cancel),
                job.status(), job.attempt(), job.version());
        Workload active = workload("a", 1, "c1", WorkloadState.ACTIVE);

        assertThat(planner.plan(List.of(cancelled), Observed.available(List.of(active)), NOW))
                .containsExactly(new Action.Stop(cancelled, active, Action.StopCause.CANCEL));
    }

    @Test
    void whenAStepHasEndedTheNextIsLaunchedAndTheEndedStepsObjectIsNoOnesAnyMore() {
        Job job = secondStepWaiting();
        Workload first = workload("a", 1, "c1", WorkloadState.FINISHED);

        List<Action> actions = planner.plan(List.of(job), Observed.available(List.of(first)), NOW);

        assertThat(actions).containsExactlyInAnyOrder(new Action.Launch(job, Backend.CONTAINER, 1),
                new Action.RemoveLeftover(first));
    }

    @Test
    void theRunningStepIsObservedByItsOwnObjectNotByTheFirstStepsObject() {
        Job job = secondStepWaiting();
        Job launched = job.with(dev.berth.reconcile.Transitions.created(job, 1, "c2", "created"));
        Workload second = new Workload("a", 1, 1, Backend.CONTAINER, "c2", "berth-a-1-1", WorkloadState.FINISHED, null);

        List<Action> actions = new Planner(Backend.CONTAINER, false).plan(List.of(launched),
                Observed.available(List.of(workload("a", 1, "c1", WorkloadState.FINISHED), second)), NOW);

        assertThat(actions).containsExactly(new Action.Observe(launched, 1, second, true));
    }

    /** A job of two steps whose first step has exited 0 in container c1. */
    private static Job secondStepWaiting() {
        var steps = List.of(new dev.berth.core.StepSpec("prepare", "img:1", null, null, null, null, null, null),
                new dev.berth.core.StepSpec("main", "img:1", null, null, null, null, null, null));
        var spec = new dev.berth.core.JobSpec(null, null, null, null, null, null, null, null, null, null, null, steps,
                null, null);
        Job running = Jobs.running("a", "c1", spec);
        var first = running.attempt().step(0).withPhase(dev.berth.core.Phase.Succeeded, Reason.Completed,
                "exited with code 0").withRun(0, NOW, NOW);
        return new Job("a", null, null, 1, spec, running.status(), running.attempt().withStep(first), 3);
    }

    private static Job withPolicy(Job job, dev.berth.core.Policy policy) {
        var spec = new dev.berth.core.JobSpec("img:1", List.of("true"), null, null, null, null, null, null, policy,
                null, null);
        return new Job(job.id(), null, null, 1, spec, job.status(), job.attempt(), job.version());
    }

    private static Workload workload(String jobId, int attempt, String id, WorkloadState state) {
        return new Workload(jobId, attempt, Backend.CONTAINER, id, "berth-" + jobId + "-" + attempt, state);
    }
}
