package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import dev.berth.core.Backend;
import dev.berth.core.StepOutput;
import dev.berth.core.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs each job attempt as a swarm service with one replica that is never restarted. */
final class SwarmBackend {
    private static final Logger LOG = LoggerFactory.getLogger(SwarmBackend.class);
    private static final int SERVICE_UNAVAILABLE = 503;

    private final DockerClient docker;
    private final ImageSource images;
    private final Clock clock;
    private final Duration callTimeout;
    private final SwarmTasks tasks;

    SwarmBackend(DockerClient docker, ImageSource images, Clock clock, Duration callTimeout) {
        this.docker = docker;
        this.images = images;
        this.clock = clock;
        this.callTimeout = callTimeout;
        this.tasks = new SwarmTasks(docker);
    }

    /** Empty when the engine is not a swarm manager (it answers 503 to service calls). */
    Optional<List<Workload>> listIfManager(String instanceId) {
        try {
            return Optional.of(list(instanceId));
        } catch (DockerException e) {
            if (e.getHttpStatus() == SERVICE_UNAVAILABLE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Two calls whatever the number of jobs: the engine's task label filter matches the service's labels. */
    private List<Workload> list(String instanceId) {
        var owned = BerthLabels.ownedBy(instanceId);
        List<Service> services = docker.listServicesCmd().withLabelFilter(owned).exec();
        Map<String, Task> newest = SwarmTasks.newestPerService(docker.listTasksCmd().withLabelFilter(owned).exec());
        return services.stream()
                .map(service -> toWorkload(service, newest.get(service.getId())))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The service is created from the local image's id, not its name: swarm's executor tries to pull
     * any image named by tag before every task, even one that is present, so an id is the only way
     * to keep it off the network. Pulling stays ImageSource's decision, as in container mode.
     */
    LaunchOutcome launch(LaunchRequest request) {
        String image = request.spec().image();
        Optional<String> imageId = localImageId(image);
        if (imageId.isEmpty()) {
            Optional<String> missing = images.ensurePresent(image);
            imageId = missing.isPresent() ? Optional.empty() : localImageId(image);
            if (imageId.isEmpty()) {
                return new LaunchOutcome.Refused(Reason.ImageNotFound,
                        missing.orElse("image " + image + " is not present on the engine"));
            }
        }
        try {
            return createOrAdopt(request, imageId.get());
        } catch (DockerException e) {
            if (e.getHttpStatus() == SERVICE_UNAVAILABLE) {
                throw e; // not (or no longer) a swarm manager: the job waits for the next pass, it did not fail
            }
            return new LaunchOutcome.Refused(Reason.CreateFailed, DockerErrors.message(e));
        }
    }

    /** A 409 means an earlier launch of this very attempt got as far as creating it: adopt that one. */
    private LaunchOutcome createOrAdopt(LaunchRequest request, String imageId) {
        try {
            String id = docker.createServiceCmd(ServiceSpecs.of(request, imageId)).exec().getId();
            return new LaunchOutcome.Launched(id, false);
        } catch (ConflictException e) {
            LOG.info("service {} already existed: adopting it", request.name());
            return new LaunchOutcome.Launched(docker.inspectServiceCmd(request.name()).exec().getId(), true);
        }
    }

    private Optional<String> localImageId(String image) {
        try {
            return Optional.of(docker.inspectImageCmd(image).exec().getId());
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    Optional<Observation> observe(Workload workload) {
        String serviceId;
        try {
            serviceId = docker.inspectServiceCmd(workload.objectId()).exec().getId();
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        Task task = SwarmTasks.newestPerService(docker.listTasksCmd().withServiceFilter(serviceId).exec())
                .get(serviceId);
        if (task == null) {
            return Optional.of(TaskStates.awaitingTask(serviceId));
        }
        return Optional.of(TaskStates.interpret(tasks.facts(serviceId, task), clock.instant()));
    }

    StepOutput logs(Workload workload, int maxBytes) {
        return LogCapture.capture(workload.name(), maxBytes, callTimeout, callback ->
                docker.logServiceCmd(workload.objectId()).withStdout(true).withStderr(true).withFollow(false)
                        .exec(callback));
    }

    /** Removing the service is all: the swarm removes its task's container itself. */
    void remove(Workload workload) {
        try {
            docker.removeServiceCmd(workload.objectId()).exec();
        } catch (NotFoundException alreadyGone) {
            LOG.debug("service {} was already removed", workload.name());
        }
    }

    private static Optional<Workload> toWorkload(Service service, Task task) {
        var spec = service.getSpec();
        var labels = spec == null || spec.getLabels() == null ? Map.<String, String>of() : spec.getLabels();
        int attempt;
        int step;
        try {
            attempt = Integer.parseInt(labels.get(BerthLabels.ATTEMPT));
            step = BerthLabels.stepOf(labels);
        } catch (NumberFormatException e) {
            attempt = -1;
            step = -1;
        }
        if (attempt < 0 || step < 0 || labels.get(BerthLabels.JOB) == null) {
            LOG.warn("service {} carries Berth's labels but no valid job attempt: ignored", service.getId());
            return Optional.empty();
        }
        // A service has nothing to start: before its task ends, it is on its way or running.
        WorkloadState state = TaskStates.isTerminal(SwarmTasks.stateOf(task))
                ? WorkloadState.FINISHED : WorkloadState.ACTIVE;
        return Optional.of(new Workload(labels.get(BerthLabels.JOB), attempt, step, Backend.SERVICE, service.getId(),
                spec.getName(), state, service.getCreatedAt() == null ? null : service.getCreatedAt().toInstant()));
    }
}
