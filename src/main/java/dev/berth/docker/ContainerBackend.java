package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.VolumeOptions;
import com.github.dockerjava.api.model.Volume;
import dev.berth.core.Backend;
import dev.berth.core.SitePolicy;
import dev.berth.core.StepOutput;
import dev.berth.core.Reason;
import dev.berth.core.Reservations;
import dev.berth.core.ResolvedSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs each job attempt as a plain container: created, then started. */
final class ContainerBackend {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerBackend.class);
    private static final String SWARM_TASK_LABEL = "com.docker.swarm.task.id";

    private final DockerClient docker;
    private final ImageSource images;
    private final Clock clock;
    private final Duration callTimeout;
    private final SitePolicy policy;

    ContainerBackend(DockerClient docker, ImageSource images, Clock clock, Duration callTimeout, SitePolicy policy) {
        this.policy = policy;
        this.docker = docker;
        this.images = images;
        this.clock = clock;
        this.callTimeout = callTimeout;
    }

    List<Workload> list(String instanceId) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(BerthLabels.ownedBy(instanceId)).exec().stream()
                .map(ContainerBackend::toWorkload)
                .flatMap(Optional::stream)
                .toList();
    }

    LaunchOutcome launch(LaunchRequest request) {
        Created created;
        try {
            created = createOrAdopt(request);
        } catch (NotFoundException noSuchImage) {
            Optional<String> missing = images.ensurePresent(request.spec().image());
            if (missing.isPresent()) {
                return new LaunchOutcome.Refused(Reason.ImageNotFound, missing.get());
            }
            try {
                created = createOrAdopt(request);
            } catch (DockerException e) {
                return new LaunchOutcome.Refused(Reason.CreateFailed, DockerErrors.message(e));
            }
        } catch (DockerException e) {
            return new LaunchOutcome.Refused(Reason.CreateFailed, DockerErrors.message(e));
        }
        if (created.neverStarted()) {
            start(created.id(), request.name());
        }
        return new LaunchOutcome.Launched(created.id(), created.adopted());
    }

    private record Created(String id, boolean adopted, boolean neverStarted) { }

    /**
     * A 409 means an earlier launch of this very attempt got as far as creating it: adopt that one.
     * It is started only if it never was: starting an exited container would run the job twice.
     */
    private Created createOrAdopt(LaunchRequest request) {
        try {
            return new Created(create(request), false, true);
        } catch (ConflictException e) {
            InspectContainerResponse existing;
            try {
                existing = docker.inspectContainerCmd(request.name()).exec();
            } catch (NotFoundException goneMeanwhile) {
                // Removed between the two calls: its 404 is no missing image. Create it once more.
                return new Created(create(request), false, true);
            }
            boolean neverStarted = "created".equals(existing.getState().getStatus())
                    && ContainerStates.time(existing.getState().getStartedAt()) == null;
            LOG.info("container {} already existed ({}): adopting it", request.name(), existing.getState().getStatus());
            return new Created(existing.getId(), true, neverStarted);
        }
    }

    void start(Workload workload) {
        start(workload.objectId(), workload.name());
    }

    /** A failed start is not thrown: the container keeps the error in its state and observation reports it. */
    private void start(String id, String name) {
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyStarted) {
            LOG.debug("container {} was already started", name);
        } catch (DockerException e) {
            // The engine's error can quote the job's command, secrets and all, and this layer knows
            // none of them: the error reaches the log masked with the job's status.
            LOG.info("container {} did not start (the job's status says why)", name);
        }
    }

    void stop(Workload workload, Duration grace) {
        try {
            docker.stopContainerCmd(workload.objectId()).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (NotModifiedException alreadyStopped) {
            LOG.debug("container {} had already stopped", workload.name());
        } catch (NotFoundException gone) {
            LOG.debug("container {} is already gone", workload.name());
        }
    }

    Optional<Observation> observe(Workload workload) {
        try {
            InspectContainerResponse inspect = docker.inspectContainerCmd(workload.objectId()).exec();
            var state = inspect.getState();
            ContainerFacts facts = new ContainerFacts(inspect.getId(), state.getStatus(),
                    state.getExitCodeLong(), Boolean.TRUE.equals(state.getOOMKilled()), state.getError(),
                    state.getStartedAt(), state.getFinishedAt());
            return Optional.of(ContainerStates.interpret(facts, clock.instant()));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    StepOutput logs(Workload workload, int maxBytes) {
        return LogCapture.capture(workload.name(), maxBytes, callTimeout, callback ->
                docker.logContainerCmd(workload.objectId()).withStdOut(true).withStdErr(true)
                        .withFollowStream(false).exec(callback));
    }

    void remove(Workload workload) {
        try {
            docker.removeContainerCmd(workload.objectId()).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            LOG.debug("container {} was already removed", workload.name());
        } catch (ConflictException removalInProgress) {
            LOG.debug("container {} is already being removed", workload.name());
        }
    }

    private String create(LaunchRequest request) {
        ResolvedSpec spec = request.spec();
        // Never privileged, host network, PID or IPC, nor devices but GPUs the policy allowed: none is set.
        HostConfig host = HostConfig.newHostConfig()
                .withPrivileged(false)
                .withBinds(spec.mounts().stream()
                        .map(m -> new Bind(m.source(), new Volume(m.target()),
                                m.readOnly() ? AccessMode.ro : AccessMode.rw))
                        .toList());
        if (!request.volumes().isEmpty()) {
            // The engine creates a named volume, with these labels, at its first mount.
            host.withMounts(request.volumes().stream()
                    .map(v -> new com.github.dockerjava.api.model.Mount().withType(MountType.VOLUME)
                            .withSource(v.name()).withTarget(v.target())
                            .withVolumeOptions(new VolumeOptions().withLabels(request.volumeLabels())))
                    .toList());
        }
        if (policy.noNewPrivileges()) {
            host.withSecurityOpts(List.of("no-new-privileges"));
        }
        if (policy.pidsLimit() > 0) {
            host.withPidsLimit(policy.pidsLimit());
        }
        if (spec.resources().cpus() != null) {
            host.withNanoCPUs(Math.round(spec.resources().cpus() * 1e9));
        }
        if (spec.resources().memoryMb() != null) {
            host.withMemory(spec.resources().memoryMb() * 1024 * 1024);
        }
        Reservations reservations = spec.resources().reservations();
        if (reservations != null && reservations.memoryMb() != null) {
            host.withMemoryReservation(reservations.memoryMb() * 1024 * 1024);
        }
        if (reservations != null && reservations.gpus() > 0) {
            // What `docker run --gpus N` asks for; it needs the engine's GPU runtime (NVIDIA's toolkit).
            host.withDeviceRequests(List.of(new DeviceRequest().withCount((int) reservations.gpus())
                    .withCapabilities(List.of(List.of("gpu")))));
        }
        CreateContainerCmd cmd = docker.createContainerCmd(spec.image())
                .withName(request.name())
                .withLabels(request.labels())
                .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withHostConfig(host);
        if (spec.command() != null) {
            cmd.withCmd(spec.command());
        }
        if (spec.entrypoint() != null) {
            // An empty entrypoint means "clear the image's": the engine wants [""] for that.
            cmd.withEntrypoint(spec.entrypoint().isEmpty() ? List.of("") : spec.entrypoint());
        }
        if (spec.workingDir() != null) {
            cmd.withWorkingDir(spec.workingDir());
        }
        if (spec.user() != null) {
            cmd.withUser(spec.user());
        }
        return cmd.exec().getId();
    }

    /**
     * A swarm task's container carries the job's labels too (they are on the service's container
     * spec), but it belongs to its service and is watched through it.
     */
    private static Optional<Workload> toWorkload(Container container) {
        var labels = container.getLabels();
        if (labels.containsKey(SWARM_TASK_LABEL)) {
            return Optional.empty();
        }
        try {
            int attempt = Integer.parseInt(labels.get(BerthLabels.ATTEMPT));
            int step = BerthLabels.stepOf(labels);
            String name = container.getNames() == null || container.getNames().length == 0
                    ? container.getId() : container.getNames()[0].replaceFirst("^/", "");
            return Optional.of(new Workload(labels.get(BerthLabels.JOB), attempt, step, Backend.CONTAINER,
                    container.getId(), name, stateOf(container.getState()),
                    container.getCreated() == null ? null : java.time.Instant.ofEpochSecond(container.getCreated())));
        } catch (NumberFormatException | NullPointerException e) {
            LOG.warn("container {} carries Berth's labels but no valid job attempt: ignored", container.getId());
            return Optional.empty();
        }
    }

    private static WorkloadState stateOf(String state) {
        return switch (state == null ? "" : state) {
            case "created" -> WorkloadState.CREATED;
            case "running", "paused", "restarting" -> WorkloadState.ACTIVE;
            default -> WorkloadState.FINISHED;
        };
    }
}
