package dev.berth.reconcile;

import com.codahale.metrics.Timer;
import dev.berth.db.StoreFailures;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconcile passes on one thread: every {@code interval}, and at once when woken, within the
 * {@link PassBudget}. Wake-ups that arrive while a pass runs (or waits for its budget) fold into a
 * single next pass (the queue holds one token), so a burst of submissions costs one pass, not one
 * each. Passes run only while this process leads the reconciler (see {@link Leadership}).
 */
public class ReconcileLoop implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

    private final Reconciler reconciler;
    private final Duration interval;
    private final Clock clock;
    /** Pass durations, on the admin port's /metrics as reconciler.pass. */
    private final Timer passes;
    private final Consumer<Duration> passTimes;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private final PassBudget budget = new PassBudget();
    private final BooleanSupplier leads;
    private volatile Instant lastPassCompleted;
    private volatile boolean running;
    private Thread thread;

    /** {@code passes} and {@code passTimes} hear each pass's duration (the admin port's metrics). */
    public ReconcileLoop(Reconciler reconciler, Duration interval, Clock clock, Timer passes,
                         Consumer<Duration> passTimes, BooleanSupplier leads) {
        this.reconciler = reconciler;
        this.leads = leads;
        this.passes = passes;
        this.passTimes = passTimes;
        this.interval = interval;
        this.clock = clock;
        reconciler.onPassNeeded(this::wake);
    }

    public void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    /** True when this process does not lead: it passes not at all, and that is as it should be. */
    public boolean following() {
        return !leads.getAsBoolean();
    }

    /** When the last pass ended without an unexpected error; null before the first. */
    public Instant lastPassCompleted() {
        return lastPassCompleted;
    }

    public Duration interval() {
        return interval;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "berth-reconciler");
        thread.start();
    }

    /**
     * Lets the current pass finish rather than interrupting it: an interrupt in the middle of a write
     * would close H2's file channel under every other user of the database.
     */
    @Override
    public void stop() throws InterruptedException {
        running = false;
        wake();
        thread.join(interval.toMillis() + TimeUnit.SECONDS.toMillis(60));
        if (thread.isAlive()) {
            LOG.warn("reconcile pass still running at shutdown: interrupting it");
            thread.interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                if (leads.getAsBoolean()) {
                    long start = System.nanoTime();
                    try (var timing = passes.time()) {
                        budget.spend(reconciler::pass);
                    }
                    passTimes.accept(Duration.ofNanos(System.nanoTime() - start));
                    lastPassCompleted = clock.instant();
                }
            } catch (Throwable e) {
                // Whatever broke (the database, a bug), the loop must live to try the next tick.
                if (StoreFailures.unreachable(e)) {
                    LOG.warn("reconcile pass failed: the database cannot be reached ({})", e.getMessage());
                } else {
                    LOG.error("reconcile pass failed", e);
                }
            }
            try {
                wakeUps.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                budget.acquire();
                wakeUps.clear(); // whatever woke it while it waited, the coming pass sees
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
