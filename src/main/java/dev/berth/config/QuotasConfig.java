package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/**
 * The {@code quotas} section of config.yml: how much one token may ask of Berth. Past either limit
 * a submission is a 429 with Retry-After.
 */
public class QuotasConfig {
    /** Jobs of one owner not yet finished (Pending, Launching, Running); null: no limit. */
    @Min(1)
    @JsonProperty
    private Integer maxActiveJobsPerOwner = 1000;

    /** Submissions per token per second, with a burst of one second's worth; 0: no limit. */
    @Min(0)
    @JsonProperty
    private double submissionsPerSecond = 50;

    public Integer getMaxActiveJobsPerOwner() {
        return maxActiveJobsPerOwner;
    }

    public double getSubmissionsPerSecond() {
        return submissionsPerSecond;
    }
}
