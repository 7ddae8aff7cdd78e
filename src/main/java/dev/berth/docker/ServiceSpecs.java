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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.core.DockerClientConfig;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.SitePolicy;
import dev.berth.core.PlacementPreference;
import dev.berth.core.Reservations;
import dev.berth.core.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds the service that runs one job attempt once: one replica, never restarted. */
final class ServiceSpecs {
    /**
     * docker-java's mapper, taken once: each call of getDefaultObjectMapper copies it, and a copy
     * builds its serializers of the service model afresh (a quarter of a swarm launch's CPU).
     */
    private static final ObjectMapper DOCKER_JSON = DockerClientConfig.getDefaultObjectMapper();

    private ServiceSpecs() {
    }

    /**
     * The service as the engine's API reads it. {@code image} is what any node can resolve (see
     * ServiceImages); {@code serverConstraints} apply to every job.
     */
    static ObjectNode of(LaunchRequest request, String image, List<String> serverConstraints, SitePolicy policy) {
        ObjectNode spec = DOCKER_JSON.valueToTree(model(request, image,
                serverConstraints));
        ObjectNode task = (ObjectNode) spec.get("TaskTemplate");
        addPreferences(task, request.placement().preferences());
        addGenericReservations(task, request.spec().resources());
        addPidsLimit(task, policy.pidsLimit());
        return spec;
    }

    /**
     * A task's process limit (engine API 1.41), which docker-java's model lacks. A swarm task cannot
     * be given no-new-privileges before API 1.50: in swarm mode the policy's noNewPrivileges is not sent.
     */
    private static void addPidsLimit(ObjectNode task, long pidsLimit) {
        if (pidsLimit > 0) {
            object(object(task, "Resources"), "Limits").put("Pids", pidsLimit);
        }
    }

    /** Placement preferences, which docker-java's model lacks: {@code {"Spread": {"SpreadDescriptor": ...}}}. */
    private static void addPreferences(ObjectNode task, List<PlacementPreference> preferences) {
        if (preferences.isEmpty()) {
            return;
        }
        ArrayNode all = object(task, "Placement").putArray("Preferences");
        preferences.forEach(p -> all.addObject().putObject("Spread").put("SpreadDescriptor", p.spread()));
    }

    /**
     * Generic resources (a node's GPUs, say), which docker-java's model cannot carry (docker-java#2320):
     * the swarm places the task only on a node with that many of the kind free, and hands the task
     * the names of the ones it got (in DOCKER_RESOURCE_&lt;KIND&gt;).
     */
    private static void addGenericReservations(ObjectNode task, Resources resources) {
        Reservations reservations = resources == null ? null : resources.reservations();
        if (reservations == null || reservations.generic().isEmpty()) {
            return;
        }
        ArrayNode generic = object(object(task, "Resources"), "Reservations").putArray("GenericResources");
        reservations.generic().forEach((kind, count) ->
                generic.addObject().putObject("DiscreteResourceSpec").put("Kind", kind).put("Value", count));
    }

    private static ServiceSpec model(LaunchRequest request, String image, List<String> serverConstraints) {
        TaskSpec task = new TaskSpec()
                .withContainerSpec(containerSpec(request, image))
                .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.NONE));
        ResourceRequirements resources = resources(request.spec().resources());
        if (resources != null) {
            task.withResources(resources);
        }
        List<String> constraints = new ArrayList<>(serverConstraints);
        constraints.addAll(request.placement().constraints());
        if (request.nodeId() != null) {
            // A shared volume lives on one node: every later step of the attempt must run there.
            constraints.add("node.id==" + request.nodeId());
        }
        if (!constraints.isEmpty()) {
            task.withPlacement(new ServicePlacement().withConstraints(constraints));
        }
        return new ServiceSpec()
                .withName(request.name())
                .withLabels(request.labels())
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                .withTaskTemplate(task);
    }

    /** The object under {@code field}, made when absent (docker-java writes absent parts as null). */
    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode present ? present : parent.putObject(field);
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
     * Limits cap what the task may use. Reservations make the swarm hold the task as pending until
     * a node has that much free, which is the queueing a job runner wants; what a job does not
     * reserve itself it reserves up to its limits, rather than overcommit a node.
     */
    private static ResourceRequirements resources(Resources resources) {
        if (resources == null) {
            return null;
        }
        ResourceSpecs limits = specs(resources.cpus(), resources.memoryMb());
        Reservations asked = resources.reservations();
        // Each of cpus and memory reserves what the job asks, else its limit.
        ResourceSpecs reservations = asked == null ? limits
                : specs(asked.cpus() != null ? asked.cpus() : resources.cpus(),
                        asked.memoryMb() != null ? asked.memoryMb() : resources.memoryMb());
        if (limits == null && reservations == null) {
            return null;
        }
        ResourceRequirements requirements = new ResourceRequirements();
        if (limits != null) {
            requirements.withLimits(limits);
        }
        if (reservations != null) {
            requirements.withReservations(reservations);
        }
        return requirements;
    }

    private static ResourceSpecs specs(Double cpus, Long memoryMb) {
        if (cpus == null && memoryMb == null) {
            return null;
        }
        ResourceSpecs specs = new ResourceSpecs();
        if (cpus != null) {
            specs.withNanoCPUs(Math.round(cpus * 1e9));
        }
        if (memoryMb != null) {
            specs.withMemoryBytes(memoryMb * 1024 * 1024);
        }
        return specs;
    }
}
