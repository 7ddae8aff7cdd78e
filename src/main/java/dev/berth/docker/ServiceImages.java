package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.core.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Names a service's image so that whichever node the swarm picks can run it, without a registry
 * query per task: by registry digest ({@code name@sha256:...}: a node that has it runs it as it
 * is, one that lacks it pulls exactly that). A local image that never met a registry has only its
 * id, which no other node can resolve: it is used only where no other node needs it.
 */
final class ServiceImages {
    /**
     * How long a count of the swarm's nodes is taken as it is: asking at every launch costs the
     * manager a docker info per job in a burst, and a node that joins is seen this much later.
     */
    static final Duration NODES_RECHECK = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final ImageSource images;
    private final boolean distributedByHand;
    private final Rechecked<Integer> swarmSize;

    /** The image a service is created from, or why there is none. */
    sealed interface Choice {
        record Named(String reference) implements Choice { }

        record Refused(Reason reason, String message) implements Choice { }
    }

    ServiceImages(DockerClient docker, ImageSource images, boolean distributedByHand, Clock clock) {
        this.docker = docker;
        this.images = images;
        this.distributedByHand = distributedByHand;
        this.swarmSize = new Rechecked<>(this::askSwarmNodes, NODES_RECHECK, clock);
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
        int nodes = swarmSize.get();
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

    private int askSwarmNodes() {
        var swarm = docker.infoCmd().exec().getSwarm();
        Integer count = swarm == null ? null : swarm.getNodes();
        return count == null ? 1 : count;
    }
}
