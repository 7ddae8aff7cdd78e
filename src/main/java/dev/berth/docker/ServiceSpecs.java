package dev.berth.docker;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.VolumeOptions;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Resources;
import java.util.List;
import java.util.stream.Stream;

/** Builds the service that runs one job attempt once: one replica, never restarted. */
final class ServiceSpecs {

    private ServiceSpecs() {
    }

    /** {@code image} is what the task's container is created from (see SwarmBackend for why an id). */
    static ServiceSpec of(LaunchRequest request, String image) {
        TaskSpec task = new TaskSpec()
                .withContainerSpec(containerSpec(request, image))
                .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.NONE));
        ResourceRequirements resources = resources(request.spec().resources());
        if (resources != null) {
            task.withResources(resources);
        }
        if (request.nodeId() != null) {
            // A shared volume lives on one node: every later step of the attempt must run there.
            task.withPlacement(new ServicePlacement().withConstraints(List.of("node.id==" + request.nodeId())));
        }
        return new ServiceSpec()
                .withName(request.name())
                .withLabels(request.labels())
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                .withTaskTemplate(task);
    }

    private static ContainerSpec containerSpec(LaunchRequest request, String image) {
        ResolvedSpec spec = request.spec();
        ContainerSpec container = new ContainerSpec()
                .withImage(image)
                .withLabels(request.labels())
                .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withMounts(Stream.concat(
                        spec.mounts().stream().map(m -> new Mount().withType(MountType.BIND).withSource(m.source())
                                .withTarget(m.target()).withReadOnly(m.readOnly())),
                        request.volumes().stream().map(v -> new Mount().withType(MountType.VOLUME)
                                .withSource(v.name()).withTarget(v.target())
                                .withVolumeOptions(new VolumeOptions().withLabels(request.volumeLabels()))))
                        .toList());
        // Swarm's Command replaces the image's ENTRYPOINT and Args its CMD, as docker run's
        // --entrypoint and arguments do for a plain container.
        // An empty entrypoint means "clear the image's": then the argv itself becomes Command.
        boolean clearEntrypoint = spec.entrypoint() != null && spec.entrypoint().isEmpty();
        if (clearEntrypoint && spec.command() != null) {
            container.withCommand(spec.command());
        } else {
            if (spec.entrypoint() != null && !spec.entrypoint().isEmpty()) {
                container.withCommand(spec.entrypoint());
            }
            if (spec.command() != null) {
                container.withArgs(spec.command());
            }
        }
        if (spec.workingDir() != null) {
            container.withDir(spec.workingDir());
        }
        if (spec.user() != null) {
            container.withUser(spec.user());
        }
        return container;
    }

    /**
     * Reserving what the job may use makes the swarm hold its task as pending until a node has room,
     * which is the queueing a job runner wants, instead of overcommitting a node.
     */
    private static ResourceRequirements resources(Resources resources) {
        if (resources == null || (resources.cpus() == null && resources.memoryMb() == null)) {
            return null;
        }
        ResourceSpecs specs = new ResourceSpecs();
        if (resources.cpus() != null) {
            specs.withNanoCPUs(Math.round(resources.cpus() * 1e9));
        }
        if (resources.memoryMb() != null) {
            specs.withMemoryBytes(resources.memoryMb() * 1024 * 1024);
        }
        return new ResourceRequirements().withLimits(specs).withReservations(specs);
    }
}
