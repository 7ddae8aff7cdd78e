package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;

/**
 * The containers and services this run made: the baseline's carry the run label, Berth's carry
 * the instance id of a server this run started. Nothing else on the engine is ever touched.
 */
final class OwnObjects {
    private static final String BERTH_INSTANCE = "berth.instance";
    private static final String BERTH_MANAGED = "berth.managed";

    private OwnObjects() {
    }

    static Map<String, String> berthLabels(String instanceId) {
        return Map.of(BERTH_MANAGED, "true", BERTH_INSTANCE, instanceId);
    }

    static int berthContainers(DockerClient docker, String instanceId) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(berthLabels(instanceId)).exec().size();
    }

    static int berthServices(DockerClient docker, String instanceId) {
        return docker.listServicesCmd().withLabelFilter(berthLabels(instanceId)).exec().size();
    }

    /** Removes whatever is left of this run: after a failure, or the jobs the store-scale section keeps running. */
    static void removeAll(DockerClient docker, String runId, Iterable<String> instanceIds, boolean swarmManager) {
        removeLabelled(docker, Map.of(BenchSettings.RUN_LABEL, runId), swarmManager);
        for (String instanceId : instanceIds) {
            removeLabelled(docker, berthLabels(instanceId), swarmManager);
        }
    }

    private static void removeLabelled(DockerClient docker, Map<String, String> labels, boolean swarmManager) {
        if (swarmManager) {
            for (var service : docker.listServicesCmd().withLabelFilter(labels).exec()) {
                ignoreGone(() -> docker.removeServiceCmd(service.getId()).exec());
            }
        }
        for (var container : docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
            ignoreGone(() -> docker.removeContainerCmd(container.getId()).withForce(true).exec());
        }
    }

    private static void ignoreGone(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException alreadyGone) {
            // removed meanwhile (by Berth, or by the swarm with its service)
        } catch (DockerException e) {
            System.err.println("  could not remove a leftover object: " + e.getMessage());
        }
    }
}
