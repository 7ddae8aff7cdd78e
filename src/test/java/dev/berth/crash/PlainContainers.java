package dev.berth.crash;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;

/** Removes one test instance's containers from an engine other than the main one, and nothing else. */
final class PlainContainers {
    private PlainContainers() {
    }

    static void removeAllOf(DockerClient docker, String instanceId) {
        var labels = Map.of("berth.managed", "true", "berth.instance", instanceId);
        for (var container : docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).exec();
            } catch (NotFoundException | ConflictException removedByBerthMeanwhile) {
                // Berth's own cleanup got there first (or is at it)
            }
        }
    }
}
