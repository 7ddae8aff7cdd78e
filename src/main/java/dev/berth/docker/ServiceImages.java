package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.core.Reason;
import java.util.Optional;

/**
 * Names a service's image so that whichever node the swarm picks can run it, without a registry
 * query per task: by registry digest ({@code name@sha256:...}: a node that has it runs it as it
 * is, one that lacks it pulls exactly that). A local image that never met a registry has only its
 * id, which no other node can resolve: it is used only where no other node needs it.
 */
final class ServiceImages {
    private final DockerClient docker;
    private final ImageSource images;
    private final boolean distributedByHand;

    /** The image a service is created from, or why there is none. */
    sealed interface Choice {
        record Named(String reference) implements Choice { }

        record Refused(Reason reason, String message) implements Choice { }
    }

    ServiceImages(DockerClient docker, ImageSource images, boolean distributedByHand) {
        this.docker = docker;
        this.images = images;
        this.distributedByHand = distributedByHand;
    }

    Choice choose(String image) {
        if (ImageNames.isByDigest(image)) {
            return new Choice.Named(image);
        }
        Optional<InspectImageResponse> local = inspect(image);
        if (local.isEmpty()) {
            Optional<String> missing = images.ensurePresent(image);
            local = missing.isPresent() ? Optional.empty() : inspect(image);
            if (local.isEmpty()) {
                return new Choice.Refused(Reason.ImageNotFound,
                        missing.orElse("image " + image + " is not present on the engine"));
            }
        }
        Optional<String> digest = ImageNames.registryDigest(image, local.get().getRepoDigests());
        if (digest.isPresent()) {
            return new Choice.Named(digest.get());
        }
        int nodes = swarmNodes();
        if (distributedByHand || nodes <= 1) {
            // The swarm would try to pull a name before every task; an id keeps it off the network.
            return new Choice.Named(local.get().getId());
        }
        return new Choice.Refused(Reason.ImageNotDistributable, "image " + image + " has no registry digest, so"
                + " the other nodes of this " + nodes + "-node swarm cannot get it: push it to a registry every"
                + " node reaches and submit the pushed name (Berth runs it by digest), or set"
                + " docker.swarm.imagesDistributedByHand: true if you put every image on every node yourself");
    }

    private Optional<InspectImageResponse> inspect(String image) {
        try {
            return Optional.of(docker.inspectImageCmd(image).exec());
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    private int swarmNodes() {
        var swarm = docker.infoCmd().exec().getSwarm();
        Integer nodes = swarm == null ? null : swarm.getNodes();
        return nodes == null ? 1 : nodes;
    }
}
