package dev.berth.reconcile;

import dev.berth.core.Job;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Carries out the actions of the passes, each on its own, without the pass waiting for them: one
 * slow engine call (a service removal waits on the swarm's raft log) would otherwise hold up every
 * other job's next step, and a burst's launches would go in waves that wait for their slowest
 * create. A job with an action under way is <em>busy</em>: passes leave it alone until it is
 * through, so no two actions on one job ever run at once. Launches take one of {@code launchSlots}
 * (a burst of 10,000 jobs is launched as fast as slots free up, not queued at once); the other
 * actions, at most one per job, run on {@code others}.
 */
final class ActionRunner {
    private final Executor launches;
    private final int launchSlots;
    private final Executor others;
    private final Predicate<Action> carryOut;
    private final Runnable passRequest;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final AtomicInteger launching = new AtomicInteger();
    /** Each job whose launch is under way, as the pass that launched it read it. */
    private final Map<String, Job> launchingJobs = new ConcurrentHashMap<>();

    /**
     * {@code carryOut} says whether what the action did calls for another pass (an observation that
     * changed nothing does not); {@code passRequest} asks for it once the action is through and its
     * job is no longer busy, as it does after every launch (to look at the new object soon and to
     * fill the slot). Asked any sooner, a pass would find the job still busy and skip it.
     */
    ActionRunner(Executor launches, int launchSlots, Executor others, Predicate<Action> carryOut,
                 Runnable passRequest) {
        this.launches = launches;
        this.launchSlots = launchSlots;
        this.others = others;
        this.carryOut = carryOut;
        this.passRequest = passRequest;
    }

    /** Launch slots free now. */
    int freeLaunchSlots() {
        return Math.max(0, launchSlots - launching.get());
    }

    /**
     * The jobs whose launch is under way, by id: their record may not say Launching yet, yet they
     * count against their queue's limits.
     */
    Map<String, Job> launchesUnderWay() {
        return Map.copyOf(launchingJobs);
    }

    boolean isBusy(String jobId) {
        return busy.contains(jobId);
    }

    /** The jobs (and leftover objects) with an action under way now. */
    Set<String> busy() {
        return Set.copyOf(busy);
    }

    /**
     * Starts the action unless its job is busy now or was in {@code busyBefore} (what a pass read
     * of such a job may be older than what its action wrote), or it is a launch and no slot is free:
     * then false, and a later pass plans it again.
     */
    boolean run(Action action, Set<String> busyBefore) {
        String key = keyOf(action);
        if (busyBefore.contains(key) || !busy.add(key)) {
            return false;
        }
        boolean launch = action instanceof Action.Launch;
        if (launch && launching.incrementAndGet() > launchSlots) {
            launching.decrementAndGet();
            busy.remove(key);
            return false;
        }
        if (launch) {
            launchingJobs.put(key, action.job());
        }
        try {
            (launch ? launches : others).execute(() -> {
                boolean wanted = false;
                try {
                    wanted = carryOut.test(action);
                } finally {
                    done(key, launch);
                    if (launch || wanted) {
                        passRequest.run();
                    }
                }
            });
        } catch (RuntimeException refused) { // the executor is shutting down
            done(key, launch);
            throw refused;
        }
        return true;
    }

    private void done(String key, boolean launch) {
        if (launch) {
            launchingJobs.remove(key);
            launching.decrementAndGet();
        }
        busy.remove(key);
    }

    /**
     * An action concerns one job; a leftover too, by its label: its job's closing action removes
     * it as well, and the two need not race to do so.
     */
    static String keyOf(Action action) {
        return action instanceof Action.RemoveLeftover leftover ? leftover.workload().jobId() : action.job().id();
    }
}
