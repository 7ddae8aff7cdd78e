package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import dev.berth.core.Backend;
import dev.berth.core.SitePolicy;
import dev.berth.core.Reason;
import dev.berth.core.StepOutput;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs each job attempt as a swarm service with one replica that is never restarted. */
final class SwarmBackend {
    private static final Logger LOG = LoggerFactory.getLogger(SwarmBackend.class);
    private static final int SERVICE_UNAVAILABLE = 503;

    private final DockerClient docker;
    private final ServiceImages images;
    private final ServiceCreator creator;
    private final List<String> serverConstraints;
    private final Clock clock;
    private final Duration callTimeout;
    private final SwarmTasks tasks;
    private final SwarmNodes nodes;
    private final SwarmTaskWatch taskWatch;
    private final SitePolicy policy;
    /** The latest listing's tasks: the reconciler observes a pass's jobs from the listing of that pass. */
    private volatile ListedTasks listed = ListedTasks.NONE;

    SwarmBackend(DockerClient docker, ServiceImages images, ServiceCreator creator, SwarmNodes nodes,
                 SwarmTaskWatch taskWatch, OwnNode ownNode, List<String> serverConstraints, Clock clock,
                 Duration callTimeout, SitePolicy policy) {
        this.policy = policy;
        this.nodes = nodes;
        this.taskWatch = taskWatch;
        this.docker = docker;
        this.images = images;
        this.creator = creator;
        this.serverConstraints = List.copyOf(serverConstraints);
        this.clock = clock;
        this.callTimeout = callTimeout;
        this.tasks = new SwarmTasks(docker, ownNode);
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
        List<Task> all = docker.listTasksCmd().withLabelFilter(owned).exec();
        Map<String, Task> newest = SwarmTasks.newestPerService(all);
        taskWatch.saw(all, services.stream().anyMatch(service -> !newest.containsKey(service.getId())));
        listed = new ListedTasks(newest, nodes);
        return services.stream()
                .map(service -> toWorkload(service, newest.get(service.getId())))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The service never names its image by tag: swarm's executor pulls a tag before every task, even
     * one that is present, and a tag can move between two tasks. ServiceImages picks the reference.
     */
    LaunchOutcome launch(LaunchRequest request) {
        ServiceImages.Choice image = images.choose(request.spec().image());
        if (image instanceof ServiceImages.Choice.Refused refused) {
            return new LaunchOutcome.Refused(refused.reason(), refused.message());
        }
        try {
            return createOrAdopt(request, ((ServiceImages.Choice.Named) image).reference());
        } catch (DockerException e) {
            if (e.getHttpStatus() == SERVICE_UNAVAILABLE) {
                throw e; // not (or no longer) a swarm manager: the job waits for the next pass, it did not fail
            }
            return new LaunchOutcome.Refused(Reason.CreateFailed, DockerErrors.message(e));
        }
    }

    /** A 409 means an earlier launch of this very attempt got as far as creating it: adopt that one. */
    private LaunchOutcome createOrAdopt(LaunchRequest request, String image) {
        try {
            String id = creator.create(ServiceSpecs.of(request, image, serverConstraints, policy));
            return new LaunchOutcome.Launched(id, false);
        } catch (ConflictException e) {
            LOG.info("service {} already existed: adopting it", request.name());
            return new LaunchOutcome.Launched(docker.inspectServiceCmd(request.name()).exec().getId(), true);
        }
    }

    /** Asks the engine now: the service's tasks, and the node of the newest. */
    Optional<Observation> observe(Workload workload) {
        // The listing's object id is the service's id: the engine answers a task listing of a
        // service that is gone with 404, and only a service without tasks needs a second look.
        String serviceId = workload.objectId();
        Task task;
        try {
            task = SwarmTasks.newestPerService(docker.listTasksCmd().withServiceFilter(serviceId).exec())
                    .get(serviceId);
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        if (task == null) {
            return exists(serviceId) ? Optional.of(TaskStates.awaitingTask(serviceId)) : Optional.empty();
        }
        return Optional.of(interpret(serviceId, task, id -> nodes.find(id).orElse(null)));
    }

    /**
     * Reads the service's newest task as the latest listing showed it, with the nodes of that
     * listing; asks the engine only when the listing showed the service no task.
     */
    Optional<Observation> observeAsListed(Workload workload) {
        ListedTasks current = listed;
        return current.newest(workload.objectId())
                .map(task -> interpret(workload.objectId(), task, current::node))
                .or(() -> observe(workload));
    }

    private Observation interpret(String serviceId, Task task, Function<String, SwarmNode> nodeById) {
        TaskFacts facts = tasks.facts(serviceId, task);
        if (facts.nodeId() != null && !facts.nodeId().isBlank()) {
            facts = facts.withNode(nodeById.apply(facts.nodeId()));
        }
        return TaskStates.interpret(facts, clock.instant());
    }

    private boolean exists(String serviceId) {
        try {
            docker.inspectServiceCmd(serviceId).exec();
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
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
        WorkloadState state = TaskStates.isTerminal(SwarmTasks.stateOf(task)) ? WorkloadState.FINISHED
                : SwarmTasks.isToldToStop(task) ? WorkloadState.STRANDED : WorkloadState.ACTIVE;
        return Optional.of(new Workload(labels.get(BerthLabels.JOB), attempt, step, Backend.SERVICE, service.getId(),
                spec.getName(), state, service.getCreatedAt() == null ? null : service.getCreatedAt().toInstant()));
    }
}
