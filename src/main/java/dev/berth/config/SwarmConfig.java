package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

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

    public List<String> getConstraints() {
        return constraints;
    }

    public boolean isImagesDistributedByHand() {
        return imagesDistributedByHand;
    }
}
