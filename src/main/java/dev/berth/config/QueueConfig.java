package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** One queue of the {@code queues} section of config.yml. */
public class QueueConfig {
    /** How many of the queue's jobs may be launched (Launching or Running) at once; null: no limit. */
    @Min(1)
    @JsonProperty
    private Integer maxRunning;

    /**
     * A job label whose values share the queue fairly (until jobs carry owners, they stand for
     * them): among jobs of equal priority each value's jobs take turns. Null: first come, first served.
     */
    @JsonProperty
    private String fairShareLabel;

    /**
     * How many jobs of one owner may be launched at once; until jobs carry owners, an owner is a
     * value of {@code fairShareLabel} (without that label, this has no effect). Null: no limit.
     */
    @Min(1)
    @JsonProperty
    private Integer maxRunningPerOwner;

    public QueueConfig() {
    }

    public QueueConfig(Integer maxRunning) {
        this.maxRunning = maxRunning;
    }

    public Integer getMaxRunning() {
        return maxRunning;
    }

    public String getFairShareLabel() {
        return fairShareLabel;
    }

    public Integer getMaxRunningPerOwner() {
        return maxRunningPerOwner;
    }
}
