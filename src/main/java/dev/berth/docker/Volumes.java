package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shared volumes of attempts: the engine makes them at a step's create; Berth removes them. */
final class Volumes {
    private static final Logger LOG = LoggerFactory.getLogger(Volumes.class);

    private final DockerClient docker;

    Volumes(DockerClient docker) {
        this.docker = docker;
    }

    List<AttemptVolume> list(String instanceId) {
        var response = docker.listVolumesCmd()
                .withFilter("label", BerthLabels.ownedBy(instanceId).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList())
                .exec();
        if (response.getVolumes() == null) {
            return List.of();
        }
        return response.getVolumes().stream().flatMap(volume -> {
            Map<String, String> labels = volume.getLabels() == null ? Map.of() : volume.getLabels();
            try {
                return Stream.of(new AttemptVolume(volume.getName(), labels.get(BerthLabels.JOB),
                        Integer.parseInt(labels.get(BerthLabels.ATTEMPT))));
            } catch (NumberFormatException e) {
                LOG.warn("volume {} carries Berth's labels but no valid job attempt: ignored", volume.getName());
                return Stream.empty();
            }
        }).toList();
    }

    /** False when a container still uses it (a swarm removes a service's task container a little later). */
    boolean remove(String name) {
        try {
            docker.removeVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException alreadyGone) {
            return true;
        } catch (ConflictException inUse) {
            LOG.debug("volume {} is still in use", name);
            return false;
        }
    }
}
