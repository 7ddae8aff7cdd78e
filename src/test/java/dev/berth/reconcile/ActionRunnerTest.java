package dev.berth.reconcile;

import static dev.berth.support.Jobs.pending;
import static dev.berth.support.Jobs.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Backend;
import dev.berth.docker.Workload;
import dev.berth.docker.WorkloadState;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner's rules, on real threads: actions are held at a gate the test opens. */
class ActionRunnerTest {
    private final ExecutorService launches = Executors.newFixedThreadPool(4);
    private final ExecutorService others = Executors.newFixedThreadPool(4);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final Predicate<Action> heldAtTheGate = action -> {
        await(gate);
        return false;
    };

    @AfterEach
    void stop() throws InterruptedException {
        gate.countDown();
        launches.shutdown();
        others.shutdown();
        assertThat(launches.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(others.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aJobWithAnActionUnderWayGetsNoSecondOneUntilItIsThrough() throws Exception {
        var finished = new CountDownLatch(1);
        ActionRunner runner = new ActionRunner(launches, 4, others, action -> {
            heldAtTheGate.test(action);
            finished.countDown();
            return false;
        }, () -> { });
        Action observe = new Action.Observe(running("a", "c1"), 0, null, false);

        assertThat(runner.run(observe, Set.of())).isTrue();
        assertThat(runner.run(new Action.MarkLost(running("a", "c1"), 0, "gone"), Set.of())).isFalse();
        assertThat(runner.busy()).containsExactly("a");

        gate.countDown();
        assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        awaitIdle(runner);
        assertThat(runner.run(new Action.MarkLost(running("a", "c1"), 0, "gone"), Set.of())).isTrue();
    }

    @Test
    void aJobThatWasBusyWhenThePassBeganIsLeftToTheNextPass() {
        List<Action> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        ActionRunner runner = new ActionRunner(Runnable::run, 4, Runnable::run, ran::add, () -> { });

        boolean accepted = runner.run(new Action.Launch(pending("a"), Backend.SERVICE, 0), Set.of("a"));

        assertThat(accepted).isFalse();
        assertThat(ran).isEmpty();
    }

    @Test
    void launchesBeyondTheFreeSlotsWaitWhileOtherActionsStillRun() throws Exception {
        ActionRunner runner = new ActionRunner(launches, 2, others, heldAtTheGate, () -> { });

        assertThat(runner.run(new Action.Launch(pending("a"), Backend.SERVICE, 0), Set.of())).isTrue();
        assertThat(runner.run(new Action.Launch(pending("b"), Backend.SERVICE, 0), Set.of())).isTrue();
        assertThat(runner.run(new Action.Launch(pending("c"), Backend.SERVICE, 0), Set.of())).isFalse();
        assertThat(runner.run(new Action.Observe(running("d", "c4"), 0, null, false), Set.of())).isTrue();

        assertThat(runner.busy()).containsExactlyInAnyOrder("a", "b", "d");
        gate.countDown();
        awaitIdle(runner);
        assertThat(runner.run(new Action.Launch(pending("c"), Backend.SERVICE, 0), Set.of())).isTrue();
    }

    @Test
    void aLeftoverIsKeyedByItsJobSoThatItNeverRacesThatJobsOwnAction() {
        Workload leftover = new Workload("a", 1, Backend.SERVICE, "s1", "berth-a-1", WorkloadState.FINISHED);
        ActionRunner runner = new ActionRunner(launches, 2, others, heldAtTheGate, () -> { });

        assertThat(runner.run(new Action.Observe(running("a", "s1"), 0, leftover, false), Set.of())).isTrue();

        assertThat(runner.run(new Action.RemoveLeftover(leftover), Set.of())).isFalse();
    }

    @Test
    void afterALaunchThePassItAsksForFindsTheJobFreeAndTheSlotBack() throws Exception {
        var seenAfterwards = new CompletableFuture<Set<String>>();
        var runnerHolder = new ActionRunner[1];
        runnerHolder[0] = new ActionRunner(launches, 1, others, action -> false,
                () -> seenAfterwards.complete(runnerHolder[0].busy()));

        assertThat(runnerHolder[0].run(new Action.Launch(pending("a"), Backend.SERVICE, 0), Set.of())).isTrue();

        assertThat(seenAfterwards.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(runnerHolder[0].run(new Action.Launch(pending("b"), Backend.SERVICE, 0), Set.of())).isTrue();
    }

    @Test
    void anActionThatCallsForAPassGetsItOnlyOnceItsJobIsFree() throws Exception {
        var seenAfterwards = new CompletableFuture<Set<String>>();
        var runnerHolder = new ActionRunner[1];
        runnerHolder[0] = new ActionRunner(launches, 1, others, action -> true,
                () -> seenAfterwards.complete(runnerHolder[0].busy()));

        assertThat(runnerHolder[0].run(new Action.Observe(running("a", "c1"), 0, null, false), Set.of())).isTrue();

        assertThat(seenAfterwards.get(30, TimeUnit.SECONDS)).isEmpty();
    }

    private static void awaitIdle(ActionRunner runner) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!runner.busy().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(runner.busy()).as("every action got through").isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
