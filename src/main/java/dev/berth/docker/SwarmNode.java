package dev.berth.docker;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One node of the swarm as the manager describes it, for operators. {@code generic} are the node's
 * generic resources (dockerd's --node-generic-resource): a named kind lists its names, a discrete
 * kind gives its count.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwarmNode(
        String id,
        String hostname,
        String role,
        String state,
        String availability,
        String address,
        Boolean leader,
        Map<String, String> labels,
        Map<String, String> engineLabels,
        Double cpus,
        Long memoryMb,
        Map<String, Object> generic) {

    /** Ready and not drained: the swarm may run tasks here. */
    @JsonIgnore
    public boolean takesTasks() {
        return "ready".equals(state) && !"drain".equals(availability);
    }
}
