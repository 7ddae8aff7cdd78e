package dev.berth.docker;

import com.github.dockerjava.api.model.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one listing of this instance's services found: the newest task of each, and the swarm's
 * nodes, read once for the whole listing and only if something asks. A pass observes its jobs from
 * the listing it planned them on, instead of asking the engine again for every job: two calls per
 * job fewer, and a view of all jobs taken at one moment.
 */
final class ListedTasks {
    static final ListedTasks NONE = new ListedTasks(Map.of(), null);

    private final Map<String, Task> newestByService;
    private final SwarmNodes nodes;
    private Map<String, SwarmNode> nodesById;

    ListedTasks(Map<String, Task> newestByService, SwarmNodes nodes) {
        this.newestByService = Map.copyOf(newestByService);
        this.nodes = nodes;
    }

    /** The service's newest task as listed; empty when the listing showed it none (or not that service). */
    Optional<Task> newest(String serviceId) {
        return Optional.ofNullable(newestByService.get(serviceId));
    }

    /** The node as the manager described it at the first question of this listing; null when it forgot it. */
    synchronized SwarmNode node(String id) {
        if (nodesById == null) {
            List<SwarmNode> all = nodes.list().orElse(List.of());
            nodesById = all.stream().filter(n -> n.id() != null)
                    .collect(Collectors.toMap(SwarmNode::id, Function.identity(), (a, b) -> a));
        }
        return nodesById.get(id);
    }
}
