package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.core.Backend;
import dev.berth.core.SitePolicy;
import dev.berth.core.StepOutput;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The docker-java implementation of {@link DockerGateway}: one client, one backend per kind of object. */
public final class DockerJavaGateway implements DockerGateway, Closeable {
    /**
     * Calls run side by side, each on a connection: a pass's actions and the launches under way
     * (reconciler.workers each, at most 32).
     */
    private static final int CALL_CONNECTIONS = 64;
    private final DockerClient docker;
    private final String instanceId;
    private final ContainerBackend containers;
    private final SwarmBackend services;
    private final SitePolicy policy;
    private final SwarmRole swarmRole;
    private final LogFollower follower;
    private final Volumes volumes;
    private final SwarmNodes nodes;
    private final SwarmTaskWatch taskWatch;
    private final EngineCalls calls = new EngineCalls();

    /** Creates whenever asked: for a process that is the only one to launch on its engine. */
    public DockerJavaGateway(DockerSettings settings, String instanceId, Clock clock) {
        this(settings, instanceId, clock, () -> true);
    }

    /**
     * Sends a create only while {@code mayCreate} says so, asked just before the request goes out
     * (see {@link GatedCreates}): a refused one throws {@link CreateWithheldException}.
     */
    public DockerJavaGateway(DockerSettings settings, String instanceId, Clock clock, BooleanSupplier mayCreate) {
        DockerHttpClient http = new GatedCreates(new CountingHttpClient(
                httpClient(settings, settings.callTimeout(), CALL_CONNECTIONS), calls), mayCreate);
        this.docker = connect(settings, http);
        this.nodes = new SwarmNodes(http);
        this.follower = new LogFollower(connect(settings, new CountingHttpClient(
                httpClient(settings, null, MAX_LOG_FOLLOWERS), calls)));
        this.instanceId = instanceId;
        ImageSource images = new ImageSource(docker, settings.pullMissingImages(), settings.pullTimeout(),
                settings.credentials());
        this.policy = settings.policy();
        this.containers = new ContainerBackend(docker, images, clock, settings.callTimeout(), policy);
        OwnNode ownNode = new OwnNode(docker);
        this.taskWatch = new SwarmTaskWatch(docker, ownNode, instanceId, settings.taskPollInterval(), clock);
        this.services = new SwarmBackend(docker, new ServiceImages(docker, images, settings.imagesDistributedByHand(), clock),
                new ServiceCreator(http, settings.credentials()), nodes, taskWatch, ownNode, settings.swarmConstraints(),
                clock, settings.callTimeout(), policy);
        this.volumes = new Volumes(docker);
        this.swarmRole = new SwarmRole(() -> isSwarmManager(docker.infoCmd().exec()), clock);
    }

    /** The calls made so far, by kind: the follow streams' and the task watch's too (not the event stream's). */
    public EngineCalls calls() {
        return calls;
    }

    private static DockerClient connect(DockerSettings settings, DockerHttpClient http) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(settings.host())
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** {@code responseTimeout} null: none, for streams that may stay silent for long. */
    private static DockerHttpClient httpClient(DockerSettings settings, java.time.Duration responseTimeout,
                                               int connections) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(settings.host()))
                .maxConnections(connections)
                .connectionTimeout(settings.callTimeout())
                .responseTimeout(responseTimeout)
                .build();
    }

    @Override
    public EngineInfo engineInfo() {
        try {
            Info info = docker.infoCmd().exec();
            boolean manager = isSwarmManager(info);
            swarmRole.learned(manager);
            var version = docker.versionCmd().exec();
            return new EngineInfo(true, version.getVersion(), version.getApiVersion(), manager, info.getNCPU(),
                    info.getMemTotal(), null);
        } catch (RuntimeException e) {
            return EngineInfo.unreachable(describe(e));
        }
    }

    /**
     * Services can be listed whenever the engine is a swarm manager, whatever docker.swarmMode says
     * now: jobs launched as services before the flag was turned off still need watching.
     */
    @Override
    public EngineListing listWorkloads(boolean withServices) {
        return call("list workloads", () -> {
            List<Workload> all = new ArrayList<>(containers.list(instanceId));
            Optional<List<Workload>> serviceWorkloads = Optional.empty();
            if (withServices && swarmRole.isManager()) {
                serviceWorkloads = services.listIfManager(instanceId);
                serviceWorkloads.ifPresentOrElse(all::addAll, () -> swarmRole.learned(false));
            }
            return new EngineListing(all, serviceWorkloads.isPresent());
        });
    }

    @Override
    public LaunchOutcome launch(Backend backend, LaunchRequest asked) {
        LaunchRequest request = asked.withDefaultMemory(policy.defaultMemoryMb());
        return call("launch " + request.name(),
                () -> backend == Backend.SERVICE ? services.launch(request) : containers.launch(request));
    }

    @Override
    public void stop(Workload workload, java.time.Duration grace) {
        if (workload.backend() == Backend.SERVICE) {
            return;
        }
        call("stop " + workload.name(), () -> {
            containers.stop(workload, grace);
            return null;
        });
    }

    /** The swarm starts a service's task by itself; only a plain container can be left unstarted. */
    @Override
    public void start(Workload workload) {
        if (workload.backend() == Backend.SERVICE) {
            return;
        }
        call("start " + workload.name(), () -> {
            containers.start(workload);
            return null;
        });
    }

    @Override
    public Optional<Observation> observe(Workload workload) {
        return call("inspect " + workload.name(), () -> workload.backend() == Backend.SERVICE
                ? services.observe(workload) : containers.observe(workload));
    }

    @Override
    public Optional<Observation> observeAsListed(Workload workload) {
        return call("inspect " + workload.name(), () -> workload.backend() == Backend.SERVICE
                ? services.observeAsListed(workload) : containers.observe(workload));
    }

    @Override
    public StepOutput logs(Workload workload, int maxBytes) {
        return call("read logs of " + workload.name(), () -> workload.backend() == Backend.SERVICE
                ? services.logs(workload, maxBytes) : containers.logs(workload, maxBytes));
    }

    @Override
    public Optional<java.util.Map<String, String>> imageLabels(String image) {
        return call("inspect image " + image, () -> {
            try {
                var config = docker.inspectImageCmd(image).exec().getConfig();
                var labels = config == null ? null : config.getLabels();
                return Optional.of(labels == null ? java.util.Map.<String, String>of() : labels);
            } catch (com.github.dockerjava.api.exception.NotFoundException absent) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void remove(Workload workload) {
        call("remove " + workload.name(), () -> {
            if (workload.backend() == Backend.SERVICE) {
                services.remove(workload);
            } else {
                containers.remove(workload);
            }
            return null;
        });
    }

    @Override
    public Optional<List<SwarmNode>> nodes() {
        return call("list the swarm's nodes", nodes::list);
    }

    @Override
    public List<AttemptVolume> listVolumes() {
        return call("list volumes", () -> volumes.list(instanceId));
    }

    @Override
    public boolean removeVolume(String name) {
        return call("remove volume " + name, () -> volumes.remove(name));
    }

    private static boolean isSwarmManager(Info info) {
        return info.getSwarm() != null && Boolean.TRUE.equals(info.getSwarm().getControlAvailable());
    }

    @Override
    public LogStream followLogs(Workload workload, Integer tail, LogSink sink) {
        return call("follow logs of " + workload.name(), () -> follower.follow(workload, tail, sink));
    }

    /**
     * From now on, {@code onChange} is called when a swarm task of this instance changes state: the
     * engine's event stream says nothing of tasks that run on other nodes.
     */
    public void watchSwarmTasks(Runnable onChange) {
        taskWatch.start(onChange);
    }

    /** One of this instance's containers died (the engine's event): a task's state follows shortly. */
    public void containerDied() {
        taskWatch.containerDied();
    }

    @Override
    public void close() throws IOException {
        taskWatch.close();
        follower.close();
        docker.close();
    }

    /**
     * The backends handle the engine errors they expect; the rest leave as Berth's exceptions: an
     * error answer, or no answer at all (refused connection, timeout).
     */
    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (GatewayException e) {
            throw e;
        } catch (DockerException e) {
            throw new EngineErrorException("could not " + what + ": " + DockerErrors.message(e), e);
        } catch (RuntimeException e) {
            throw new EngineUnavailableException("could not " + what + ": " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e instanceof DockerException docker ? DockerErrors.message(docker) : text;
    }
}
