package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** One queue of the {@code queues} section of config.yml. */
public class QueueConfig {
    /** How many of the queue's jobs may be launched (Launching or Running) at once; null: no limit. */
    @Min(1)
    @JsonProperty
    private Integer maxRunning;

    public QueueConfig() {
    }

    public QueueConfig(Integer maxRunning) {
        this.maxRunning = maxRunning;
    }

    public Integer getMaxRunning() {
        return maxRunning;
    }
}
