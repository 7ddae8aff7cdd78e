package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Task;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code onChange} when one of this instance's swarm tasks changes state. A manager sends no
 * event when a task ends on another node (the engine's events know containers, services and nodes,
 * not tasks), so without this a job that ends on a worker is seen only at the reconciler's next
 * tick. One task listing per {@code interval}, whatever the number of jobs, and only while a task
 * is on its way or running somewhere the manager's own container events do not cover (on another
 * node, or on none yet), or for a moment after a container died here; none while the reconciler's
 * own listings come more often than that.
 */
final class SwarmTaskWatch implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SwarmTaskWatch.class);
    static final Duration AFTER_DEATH = Duration.ofSeconds(2);
    private static final int CHECKS_PER_INTERVAL = 5;

    private final DockerClient docker;
    private final String instanceId;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "berth-swarm-task-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Runnable onChange;
    /** The checks while something is worth watching; null while nothing is, or before the start. */
    private ScheduledFuture<?> checks;
    private boolean started;
    /** Each task's stage (see {@link #stage}) as last seen, by task id. */
    private Map<String, String> states = Map.of();
    /** Whether, when last seen, a task was in flight where no event of the manager's tells of it. */
    private boolean unwatchedInFlight;
    /** Whether the last listing had a service without a task yet, and no poll has seen a change since. */
    private boolean awaitingTask;
    private Instant lastSeen = Instant.EPOCH;
    /** Until when to poll after a container of this instance died (see {@link #containerDied}). */
    private Instant afterDeathUntil = Instant.EPOCH;

    /** The manager's own node: its containers' events wake the reconciler already. */
    private final OwnNode ownNode;

    SwarmTaskWatch(DockerClient docker, OwnNode ownNode, String instanceId, Duration interval, Clock clock) {
        this.docker = docker;
        this.ownNode = ownNode;
        this.instanceId = instanceId;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * Starts polling; until then, and without it, the tasks a listing saw are only remembered. The
     * watch asks itself {@link #CHECKS_PER_INTERVAL} times an interval whether a listing is due: a
     * pass's own listing puts the next one off by an interval, and when the watch asked only once an
     * interval its poll came up to two intervals after that listing. On one node the pass woken by
     * a task container's death lists the tasks before the swarm has marked the task ended, so the
     * end was seen some 200 ms after it (p50), where a poll of its own every 100 ms sees it at 160.
     */
    void start(Runnable onChange) {
        this.onChange = onChange;
        synchronized (this) {
            started = true;
            checkWhileWorthIt();
        }
    }

    /**
     * The checks run only while a task is worth watching, so that an idle watch, and every watch of
     * a server in container mode, costs no wake-ups (five each interval, for ever, before). Called
     * with the lock held, whenever what is worth watching may have grown.
     */
    private void checkWhileWorthIt() {
        if (started && checks == null && worthWatching(clock.instant()) && !polls.isShutdown()) {
            long check = Math.max(1, interval.toMillis() / CHECKS_PER_INTERVAL);
            checks = polls.scheduleWithFixedDelay(this::poll, check, check, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether checks are scheduled now: for tests. */
    synchronized boolean checking() {
        return checks != null;
    }

    private boolean worthWatching(Instant now) {
        return unwatchedInFlight || now.isBefore(afterDeathUntil);
    }

    /**
     * What a listing found: the next poll compares with it, so a change the pass saw wakes no one.
     * {@code servicesAwaitingTask}: some service had no task yet, which the swarm will add on its own.
     */
    void saw(Collection<Task> tasks, boolean servicesAwaitingTask) {
        remember(tasks, servicesAwaitingTask);
    }

    private void poll() {
        try {
            if (!dueToLook()) {
                return;
            }
            var tasks = docker.listTasksCmd().withLabelFilter(BerthLabels.ownedBy(instanceId)).exec();
            if (remember(tasks, false)) {
                LOG.debug("a swarm task changed state: waking the reconciler");
                onChange.run();
            }
        } catch (RuntimeException e) {
            // The reconciler's passes report an engine in trouble; the watch only tries again.
            LOG.debug("could not list the swarm's tasks: {}", e.getMessage());
        }
    }

    /** Ends the checks once nothing is worth watching: a listing or a death starts them again. */
    private synchronized boolean dueToLook() {
        Instant now = clock.instant();
        if (!worthWatching(now)) {
            if (checks != null) {
                checks.cancel(false);
                checks = null;
            }
            return false;
        }
        return !lastSeen.plus(interval).isAfter(now);
    }

    /**
     * A task's container died on the manager's node: the task's own state follows a moment later,
     * once the node's agent reported it, and no event tells when. Polling for {@link #AFTER_DEATH}
     * wakes the reconciler as soon as it shows, rather than at a fixed look again.
     */
    synchronized void containerDied() {
        afterDeathUntil = clock.instant().plus(AFTER_DEATH);
        checkWhileWorthIt();
    }

    /**
     * True when a task's state differs from what was seen before. A service still waiting for its
     * task keeps the polls going until a change shows (the pass it wakes looks again).
     */
    private boolean remember(Collection<Task> tasks, boolean servicesAwaitingTask) {
        String own = ownNode.id();
        Map<String, String> now = new HashMap<>();
        boolean unwatched = false;
        for (Task task : tasks) {
            String state = Objects.toString(SwarmTasks.stateOf(task), "");
            now.put(task.getId(), stage(state, task));
            boolean elsewhere = own == null || task.getNodeId() == null || !own.equals(task.getNodeId());
            unwatched |= elsewhere && !TaskStates.isTerminal(state);
        }
        synchronized (this) {
            boolean changed = !now.equals(states);
            awaitingTask = servicesAwaitingTask || (awaitingTask && !changed);
            states = Map.copyOf(now);
            unwatchedInFlight = unwatched || awaitingTask;
            lastSeen = clock.instant();
            checkWhileWorthIt();
            return changed;
        }
    }

    /**
     * What of a task's state is worth a pass: running, each end, and waiting for a node (pending with
     * the scheduler's error). The steps on its way between (assigned, accepted, preparing, starting,
     * ...) change nothing a pass records but the launch message, and in a burst they would wake the
     * reconciler at every poll.
     */
    private static String stage(String state, Task task) {
        if ("running".equals(state) || TaskStates.isTerminal(state)) {
            return state;
        }
        String error = task.getStatus() == null ? null : task.getStatus().getErr();
        return "pending".equals(state) && error != null && !error.isBlank() ? "unschedulable" : "on its way";
    }

    @Override
    public void close() {
        polls.shutdownNow();
    }
}
