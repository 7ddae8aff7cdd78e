package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;

/**
 * The swarm node of the engine Berth talks to, asked once (docker info) and remembered: only its
 * tasks' containers can be inspected there, and only their events reach Berth.
 */
final class OwnNode {
    private final DockerClient docker;
    private volatile String id;

    OwnNode(DockerClient docker) {
        this.docker = docker;
    }

    /** The node's id; null while it cannot be told (not in a swarm, or the engine did not answer: asked again next time). */
    String id() {
        if (id == null) {
            try {
                var swarm = docker.infoCmd().exec().getSwarm();
                String nodeId = swarm == null ? null : swarm.getNodeID();
                id = nodeId == null || nodeId.isBlank() ? null : nodeId;
            } catch (RuntimeException e) {
                return null;
            }
        }
        return id;
    }
}
