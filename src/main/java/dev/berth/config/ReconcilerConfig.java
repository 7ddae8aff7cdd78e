package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.concurrent.TimeUnit;

/** The {@code reconciler} section of config.yml. */
public class ReconcilerConfig {
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration interval = Duration.seconds(2);

    /**
     * Names this Berth on the engine (label {@code berth.instance}); Berth only touches objects that
     * carry its own. Empty: the id stored in the database at its first start.
     */
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}|")
    @JsonProperty
    private String instanceId = "";

    /**
     * false: pending jobs are not launched (they stay Pending); everything already launched is still
     * observed and finished. For maintenance and for measuring the API and the store alone.
     */
    @JsonProperty
    private boolean launch = true;

    /**
     * How many launches may be under way at once, and how many other actions (observe, finish,
     * stop) run at once. Each mostly waits on the engine, so more than the cores; the Docker client
     * keeps 64 connections.
     */
    @Min(1)
    @Max(32)
    @JsonProperty
    private int workers = 16;

    /** How many jobs of all queues together may be launched (Launching or Running) at once; null: no limit. */
    @Min(1)
    @JsonProperty
    private Integer maxRunning;

    public Integer getMaxRunning() {
        return maxRunning;
    }

    /** How long a running object of no active job is left alone before it is removed as an orphan. */
    @NotNull
    @JsonProperty
    private Duration orphanGrace = Duration.seconds(60);

    /**
     * Several processes on one database: the one holding the reconciler's lease reconciles. After
     * the holder dies another takes over within this; a holder that cannot renew it stops launching
     * before then.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration leaseTimeout = Duration.seconds(10);

    /** The wait before the first retry of a failed attempt; it doubles for each further one. */
    @NotNull
    @JsonProperty
    private Duration initialBackoff = Duration.seconds(10);

    @NotNull
    @JsonProperty
    private Duration maxBackoff = Duration.minutes(6);

    /**
     * How long a swarm task may look stranded (its node down, or told to shut down while its node
     * says it runs) before its attempt is Lost with reason NodeLost and the job runs again.
     */
    @NotNull
    @JsonProperty
    private Duration nodeLossGrace = Duration.seconds(30);

    /** How many attempts of a job may be lost with their node before the job fails NodeLost. */
    @Min(0)
    @Max(100)
    @JsonProperty
    private int maxNodeLossRestarts = 3;

    public Duration getNodeLossGrace() {
        return nodeLossGrace;
    }

    public int getMaxNodeLossRestarts() {
        return maxNodeLossRestarts;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public Duration getLeaseTimeout() {
        return leaseTimeout;
    }

    public Duration getOrphanGrace() {
        return orphanGrace;
    }

    public int getWorkers() {
        return workers;
    }

    public boolean isLaunch() {
        return launch;
    }

    public Duration getInterval() {
        return interval;
    }

    public String getInstanceId() {
        return instanceId;
    }
}
