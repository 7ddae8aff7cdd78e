package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.berth.core.Backend;
import dev.berth.core.CapturedLog;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The docker-java implementation of {@link DockerGateway}: one client, one backend per kind of object. */
public final class DockerJavaGateway implements DockerGateway, Closeable {
    private final DockerClient docker;
    private final String instanceId;
    private final ContainerBackend containers;

    public DockerJavaGateway(DockerSettings settings, String instanceId, Clock clock) {
        this.docker = connect(settings);
        this.instanceId = instanceId;
        ImageSource images = new ImageSource(docker, settings.pullMissingImages(), settings.pullTimeout());
        this.containers = new ContainerBackend(docker, images, clock, settings.callTimeout());
    }

    private static DockerClient connect(DockerSettings settings) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(settings.host())
                .build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(settings.host()))
                .maxConnections(32)
                .connectionTimeout(settings.callTimeout())
                .responseTimeout(settings.callTimeout())
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    @Override
    public EngineInfo engineInfo() {
        try {
            var info = docker.infoCmd().exec();
            var version = docker.versionCmd().exec();
            boolean manager = info.getSwarm() != null && Boolean.TRUE.equals(info.getSwarm().getControlAvailable());
            return new EngineInfo(true, version.getVersion(), version.getApiVersion(), manager, null);
        } catch (RuntimeException e) {
            return EngineInfo.unreachable(describe(e));
        }
    }

    @Override
    public List<Workload> listWorkloads() {
        return call("list containers", () -> containers.list(instanceId));
    }

    @Override
    public LaunchOutcome launch(Backend backend, LaunchRequest request) {
        return call("launch " + request.name(), () -> containers.launch(request));
    }

    @Override
    public void start(Workload workload) {
        call("start " + workload.name(), () -> {
            containers.start(workload);
            return null;
        });
    }

    @Override
    public Optional<Observation> observe(Workload workload) {
        return call("inspect " + workload.name(), () -> containers.observe(workload));
    }

    @Override
    public CapturedLog logs(Workload workload, int maxBytes) {
        return call("read logs of " + workload.name(), () -> containers.logs(workload, maxBytes));
    }

    @Override
    public void remove(Workload workload) {
        call("remove " + workload.name(), () -> {
            containers.remove(workload);
            return null;
        });
    }

    @Override
    public void close() throws IOException {
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
