package dev.berth.reconcile;

import static dev.berth.support.Jobs.NOW;
import static dev.berth.support.Jobs.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Backend;
import dev.berth.core.Capacity;
import dev.berth.core.Job;
import dev.berth.core.JobSpec;
import dev.berth.core.Phase;
import dev.berth.core.QueueLimit;
import dev.berth.core.QueueLimits;
import dev.berth.core.Reason;
import dev.berth.core.Resources;
import dev.berth.support.Jobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The room of a pass, and the planner taking it in launch order. */
class LaunchRoomTest {
    private static final QueueLimits LIMITS = limits(Map.of("default", 3, "gpu", 1), null);
    private static final QueueLimits SHARED = new QueueLimits(Map.of("default",
            new QueueLimit(10, "team", 2)), null);
    /** Each job's resources as its spec says (a job from a command would have the command's). */
    private static final Function<Job, Resources> OWN = job -> job.spec().resources();
    private final Planner planner = new Planner(Backend.CONTAINER, true);

    @Test
    void aQueuesRoomIsItsLimitLessWhatItHasLaunched() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(),
                List.of(running("r1", "default"), running("r2", "default")), 16, new ShareTurns());

        assertThat(room.of("default")).isEqualTo(1);
        assertThat(room.of("gpu")).isEqualTo(1);
    }

    @Test
    void thePendingJobsTakeTheRoomByPriorityThenAge() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), List.of(running("r1", "default")), 16, new ShareTurns());
        var jobs = List.of(pending("a", "default", 0), pending("b", "default", 5), pending("c", "default", 0),
                pending("d", "default", 5));

        List<String> launched = launchedBy(planner.plan(jobs, Observed.available(List.of()), NOW, room));

        assertThat(launched).containsExactly("b", "d");
    }

    @Test
    void aPausedQueueLaunchesNothingWhileTheOthersGoOn() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of("gpu"), List.of(), 16, new ShareTurns());
        var jobs = List.of(pending("a", "gpu", 0), pending("b", "default", 0));

        List<String> launched = launchedBy(planner.plan(jobs, Observed.available(List.of()), NOW, room));

        assertThat(launched).containsExactly("b");
    }

    @Test
    void theLimitOfAllQueuesAndTheFreeSlotsBoundEveryQueue() {
        QueueLimits limits = limits(Map.of("default", 10, "gpu", 10), 4);
        LaunchRoom room = LaunchRoom.of(limits, Set.of(),
                List.of(running("r1", "default"), running("r2", "gpu")), 16, new ShareTurns());
        LaunchRoom fewSlots = LaunchRoom.of(limits(Map.of("default", 10), null), Set.of(), List.of(), 2,
                new ShareTurns());
        var jobs = List.of(pending("a", "default", 0), pending("b", "gpu", 0), pending("c", "default", 0));

        assertThat(launchedBy(planner.plan(jobs, Observed.available(List.of()), NOW, room))).containsExactly("a", "b");
        assertThat(fewSlots.of("default")).isEqualTo(2);
    }

    @Test
    void aQueueNoLongerConfiguredLaunchesNothing() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), List.of(), 16, new ShareTurns());

        assertThat(launchedBy(planner.plan(List.of(pending("a", "gone", 0)), Observed.available(List.of()), NOW,
                room))).isEmpty();
    }

    @Test
    void theOwnersOfASharedQueueTakeTurnsAmongEqualPrioritiesWithinTheirOwnLimit() {
        LaunchRoom room = LaunchRoom.of(SHARED, Set.of(), List.of(owned(running("r1", "default"), "a")), 16,
                new ShareTurns());
        var jobs = List.of(owned(pending("a1", "default", 0), "a"), owned(pending("a2", "default", 0), "a"),
                owned(pending("a3", "default", 0), "a"), owned(pending("b1", "default", 0), "b"),
                owned(pending("b2", "default", 0), "b"), owned(pending("b3", "default", 0), "b"),
                pending("c1", "default", 0), owned(pending("b4", "default", 9), "b"));

        List<String> launched = launchedBy(planner.plan(jobs, Observed.available(List.of()), NOW, room));

        // b4 first (higher priority), then turns: a1, b1, c1 (no label), then a2 would be a's third
        // launched job (r1 runs) and b2 b's third (b4, b1): both owners are at their limit of 2.
        assertThat(launched).containsExactly("b4", "a1", "b1", "c1");
    }

    @Test
    void inAQueueOfOneTheOwnerServedLongestAgoGoesNextThoughItsJobIsYounger() {
        QueueLimits serial = new QueueLimits(Map.of("default", new QueueLimit(1, "team", null)), null);
        ShareTurns turns = new ShareTurns();
        Job a1 = owned(pending("a1", "default", 0), "a");
        Job a2 = owned(pending("a2", "default", 0), "a");
        Job b1 = owned(pending("b1", "default", 0), "b");

        List<String> first = launchedBy(planner.plan(List.of(a1, a2, b1), Observed.available(List.of()), NOW,
                LaunchRoom.of(serial, Set.of(), List.of(), 16, turns)));
        List<String> second = launchedBy(planner.plan(List.of(a2, b1), Observed.available(List.of()), NOW,
                LaunchRoom.of(serial, Set.of(), List.of(), 16, turns)));

        assertThat(first).containsExactly("a1");
        assertThat(second).containsExactly("b1");
    }

    @Test
    void aJobWhoseResourcesDoNotFitNextToWhatRunsWaitsSayingSoAndHoldsTheJobsBehindIt() {
        Capacity twoCpus = new Capacity(2, 4096);
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), List.of(sized(running("r1", "default"), 1.0, null)), 16,
                new ShareTurns(), twoCpus, OWN);
        var jobs = List.of(sized(pending("a", "default", 0), 1.0, null), sized(pending("b", "default", 0), 1.0, 512L),
                pending("c", "default", 0));

        List<Action> actions = planner.plan(jobs, Observed.available(List.of()), NOW, room);

        assertThat(launchedBy(actions)).containsExactly("a");
        assertThat(heldBy(actions)).containsExactly("b: Queued insufficient capacity");
    }

    @Test
    void aJobLargerThanTheWholeCapacityWaitsAloneAndAnotherQueueGoesOnBesideAJobThatWaits() {
        Capacity capacity = new Capacity(2, 1024);
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), List.of(sized(running("r1", "default"), null, 512L)), 16,
                new ShareTurns(), capacity, OWN);
        var jobs = List.of(sized(pending("huge", "default", 9), 4.0, null), sized(pending("small", "default", 0), 1.0,
                256L), sized(pending("wide", "gpu", 5), null, 1024L), sized(pending("narrow", "gpu", 0), null, 256L));

        List<Action> actions = planner.plan(jobs, Observed.available(List.of()), NOW, room);

        // huge could never fit: small goes on past it. wide would fit once r1 ends: it holds its queue.
        assertThat(launchedBy(actions)).containsExactly("small");
        assertThat(heldBy(actions)).containsExactly("huge: Queued insufficient capacity",
                "wide: Queued insufficient capacity");
    }

    @Test
    void servicesTakeNoneOfTheContainersCapacityAndJobsWithoutResourcesAlwaysFit() {
        Job service = Jobs.launching("s1", "svc-1", sized(pending("s1", "default", 0), 2.0, null).spec(),
                Backend.SERVICE);
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), List.of(service), 16, new ShareTurns(), new Capacity(2, 64), OWN);
        LaunchRoom full = LaunchRoom.of(LIMITS, Set.of(), List.of(sized(running("r1", "default"), 2.0, 64L)), 16,
                new ShareTurns(), new Capacity(2, 64), OWN);

        assertThat(launchedBy(planner.plan(List.of(sized(pending("a", "default", 0), 2.0, null)),
                Observed.available(List.of()), NOW, room))).containsExactly("a");
        assertThat(launchedBy(planner.plan(List.of(pending("b", "default", 0)), Observed.available(List.of()), NOW,
                full))).containsExactly("b");
    }

    @Test
    void aJobThatSaidItWaitsForCapacityIsNotHeldAgainButOneThatWaitedForRoomIs() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), List.of(sized(running("r1", "default"), 2.0, null)), 16,
                new ShareTurns(), new Capacity(2, 4096), OWN);
        Job told = sized(pending("told", "default", 0), 1.0, null);
        told = told.withStatus(told.status().withPhase(Phase.Pending, Reason.Queued, LaunchRoom.INSUFFICIENT_CAPACITY));
        Job queued = sized(pending("queued", "gpu", 0), 1.0, null);

        List<Action> actions = planner.plan(List.of(told, queued), Observed.available(List.of()), NOW, room);

        assertThat(heldBy(actions)).containsExactly("queued: Queued insufficient capacity");
    }

    @Test
    void aJobThatWaitedForCapacityAndNowWaitsForRoomSaysSoAndTheResolvedResourcesAreWhatCounts() {
        Job waited = sized(pending("waited", "default", 0), null, null);
        waited = waited.withStatus(waited.status().withPhase(Phase.Pending, Reason.Queued,
                LaunchRoom.INSUFFICIENT_CAPACITY));
        // r1 and r2 name no resources, yet (as from a command) each takes 1 CPU of 2.
        Function<Job, Resources> resolved = job -> job.id().startsWith("r") ? new Resources(1.0, null) : OWN.apply(job);
        LaunchRoom full = LaunchRoom.of(LIMITS, Set.of(), List.of(running("r1", "default"), running("r2", "default")),
                16, new ShareTurns(), new Capacity(2, 4096), resolved);
        LaunchRoom noRoom = LaunchRoom.of(limits(Map.of("default", 2), null), Set.of(),
                List.of(running("r1", "default"), running("r2", "default")), 16, new ShareTurns(), null, OWN);

        List<Action> whileFull = planner.plan(List.of(sized(pending("one", "default", 0), 1.0, null)),
                Observed.available(List.of()), NOW, full);
        List<Action> forRoom = planner.plan(List.of(waited), Observed.available(List.of()), NOW, noRoom);

        assertThat(heldBy(whileFull)).containsExactly("one: Queued insufficient capacity");
        assertThat(heldBy(forRoom)).containsExactly("waited: Queued waiting in its queue to be launched");
    }

    @Test
    void aJobLargerThanTheWholeCapacityKeepsSayingSoWhileItsQueueHasNoRoom() {
        Job huge = sized(pending("huge", "default", 0), 4.0, null);
        huge = huge.withStatus(huge.status().withPhase(Phase.Pending, Reason.Queued, LaunchRoom.INSUFFICIENT_CAPACITY));
        LaunchRoom noRoom = LaunchRoom.of(limits(Map.of("default", 1), null), Set.of(),
                List.of(sized(running("r1", "default"), 1.0, null)), 16, new ShareTurns(), new Capacity(2, 4096), OWN);

        List<Action> actions = planner.plan(List.of(huge), Observed.available(List.of()), NOW, noRoom);

        // Room would not launch it: it is not told it waits for room (and told again at the next room).
        assertThat(actions).isEmpty();
        assertThat(noRoom.tooLarge("default")).isEqualTo(1);
    }

    @Test
    void aHeldQueueLaunchesNothingAndTheJobsTooLargeForTheWholeCapacityAreCountedPerQueue() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), List.of(), 16, new ShareTurns(), new Capacity(2, 4096), OWN);
        room.hold("gpu");
        var jobs = List.of(sized(pending("huge1", "default", 0), 3.0, null), sized(pending("huge2", "default", 0), 4.0,
                null), pending("fits", "default", 0), pending("held", "gpu", 0));

        List<Action> actions = planner.plan(jobs, Observed.available(List.of()), NOW, room);

        assertThat(launchedBy(actions)).containsExactly("fits");
        assertThat(room.tooLarge("default")).isEqualTo(2);
        assertThat(room.tooLarge("gpu")).isZero();
    }

    private static Job sized(Job job, Double cpus, Long memoryMb) {
        JobSpec s = job.spec();
        return job.withSpec(new JobSpec(s.image(), s.command(), s.entrypoint(), s.env(), s.workingDir(), s.user(),
                s.mounts(), new Resources(cpus, memoryMb), s.policy(), s.fromCommand(), s.desired(), s.steps(),
                s.volumes(), s.placement(), s.queue(), s.priority()));
    }

    private static List<String> heldBy(List<Action> actions) {
        return actions.stream().filter(Action.HoldPending.class::isInstance).map(Action.HoldPending.class::cast)
                .map(hold -> hold.job().id() + ": " + hold.reason() + " " + hold.message()).toList();
    }

    private static Job owned(Job job, String team) {
        return new Job(job.id(), null, Map.of("team", team), job.generation(), job.spec(), job.status(), job.attempt(),
                job.version());
    }

    private static Job running(String id, String queue) {
        Job job = Jobs.running(id, "c-" + id);
        return new Job(id, null, job.labels(), job.generation(), job.spec().withQueue(queue, 0), job.status(),
                job.attempt(), job.version());
    }

    private static List<String> launchedBy(List<Action> actions) {
        return actions.stream().filter(Action.Launch.class::isInstance).map(a -> a.job().id()).toList();
    }

    private static QueueLimits limits(Map<String, Integer> maxRunning, Integer total) {
        Map<String, QueueLimit> perQueue = new LinkedHashMap<>();
        maxRunning.forEach((queue, max) -> perQueue.put(queue, new QueueLimit(max)));
        return new QueueLimits(perQueue, total);
    }
}
