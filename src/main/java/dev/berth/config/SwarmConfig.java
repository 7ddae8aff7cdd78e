package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code docker.swarm} section of config.yml: what applies to every service Berth creates. */
public class SwarmConfig {
    /** Placement constraints added to every job's own, e.g. {@code node.role==worker}. */
    @NotNull
    @JsonProperty
    private List<String> constraints = new ArrayList<>();

    /**
     * true: the operator puts every image on every node by hand, so a local image without a
     * registry digest may run on a swarm of several nodes (by its local id).
     */
    @JsonProperty
    private boolean imagesDistributedByHand = false;

    /**
     * How often the instance's tasks are listed while one is on its way or running on another node
     * than the manager (or on none yet): such a task sends no event, and this is how soon a change
     * is noticed.
     */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration taskPollInterval = Duration.milliseconds(100);

    public Duration getTaskPollInterval() {
        return taskPollInterval;
    }

    public List<String> getConstraints() {
        return constraints;
    }

    public boolean isImagesDistributedByHand() {
        return imagesDistributedByHand;
    }
}
