package dev.berth.metrics;

import dev.berth.core.Attempt;
import dev.berth.core.Job;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.db.JobStore;
import dev.berth.db.QueueCount;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Berth's own metrics, in Prometheus' terms: jobs by queue and phase (read from the database at
 * each scrape), launches and failures by reason (from the status writes that landed), the reconcile
 * pass and the time from a job's exit to its terminal status being recorded (histograms), each kind
 * of engine call's latency and errors, and whether this process leads.
 */
public final class BerthMetrics {
    /** Seconds: from a millisecond pass to a minute-long pull. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final Counter launches;
    private final Counter failures;
    private final Histogram passes;
    private final Histogram exitToRecorded;
    private final Histogram engineCalls;
    private final Counter engineErrors;

    public BerthMetrics(PrometheusRegistry registry, JobStore store, BooleanSupplier leads) {
        launches = Counter.builder().name("berth_launches_total")
                .help("Attempts launched, by backend").labelNames("backend").register(registry);
        failures = Counter.builder().name("berth_failures_total")
                .help("Jobs that ended Failed, and attempts that failed before a retry, by reason")
                .labelNames("reason").register(registry);
        passes = Histogram.builder().name("berth_reconcile_pass_seconds").unit(Unit.SECONDS)
                .help("Duration of each reconcile pass").classicUpperBounds(BUCKETS).register(registry);
        exitToRecorded = Histogram.builder().name("berth_exit_to_terminal_recorded_seconds").unit(Unit.SECONDS)
                .help("From a job's last container exit (Docker's time) to its terminal status being stored")
                .classicUpperBounds(BUCKETS).register(registry);
        engineCalls = Histogram.builder().name("berth_docker_call_seconds").unit(Unit.SECONDS)
                .help("Latency of the engine's API calls, by kind (list.containers, create.service, ...)")
                .labelNames("call").classicUpperBounds(BUCKETS).register(registry);
        engineErrors = Counter.builder().name("berth_docker_call_errors_total")
                .help("Engine API calls that failed (an error status or no answer), by kind")
                .labelNames("call").register(registry);
        GaugeWithCallback.builder().name("berth_jobs").help("Jobs stored, by queue and phase")
                .labelNames("queue", "phase")
                .callback(callback -> {
                    for (QueueCount count : store.byQueueAndPhase()) {
                        callback.call(count.jobs(), count.queue(), count.phase());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("berth_leader")
                .help("1 when this process holds the reconciler's lease (launches and follows jobs), else 0")
                .callback(callback -> callback.call(leads.getAsBoolean() ? 1 : 0)).register(registry);
    }

    /** A status write that landed: what it launched (a new attempt), failed or ended. */
    public void statusRecorded(Job read, Job updated, long now) {
        Attempt before = read.attempt();
        Attempt after = updated.attempt();
        if (after != null && (before == null || before.number() != after.number())) {
            launches.labelValues(after.backend().name().toLowerCase(Locale.ROOT)).inc();
        }
        boolean attemptFailed = after != null && after.phase() == Phase.Failed
                && (before == null || before.number() != after.number() || before.phase() != Phase.Failed);
        if (attemptFailed) {
            failures.labelValues(after.reason() == null ? "unknown" : after.reason().name()).inc();
        } else if (!read.isTerminal() && updated.status().phase() == Phase.Failed) {
            // Failed without a failed attempt: refused at launch, a deadline, a lost node's last time.
            Reason reason = updated.status().reason();
            failures.labelValues(reason == null ? "unknown" : reason.name()).inc();
        }
        if (!read.isTerminal() && updated.isTerminal() && after != null && after.finishedAt() != null
                && updated.status().phase() != Phase.Cancelled) {
            Duration took = Duration.between(after.finishedAt(), Instant.ofEpochMilli(now));
            exitToRecorded.observe(Math.max(0, took.toNanos()) / 1e9);
        }
    }

    public void passTook(Duration took) {
        passes.observe(took.toNanos() / 1e9);
    }

    public void engineCalled(String kind, Duration took, boolean failed) {
        engineCalls.labelValues(kind).observe(took.toNanos() / 1e9);
        if (failed) {
            engineErrors.labelValues(kind).inc();
        }
    }
}
