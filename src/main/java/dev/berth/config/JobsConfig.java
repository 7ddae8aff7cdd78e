package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;

/** The {@code jobs} section of config.yml. */
public class JobsConfig {
    /**
     * How long a finished job's record, events and logs are kept when its policy does not say;
     * absent (the default): kept until deleted.
     */
    @JsonProperty
    private Duration ttlAfterFinished;

    public Duration getTtlAfterFinished() {
        return ttlAfterFinished;
    }
}
