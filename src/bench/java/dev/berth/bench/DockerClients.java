package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.berth.docker.CountingHttpClient;
import dev.berth.docker.EngineCalls;
import java.net.URI;
import java.time.Duration;

/** docker-java clients over the same httpclient5 transport Berth uses. */
final class DockerClients {

    private DockerClients() {
    }

    /**
     * {@code maxConnections} must cover every call that may block at once (a wait holds its
     * connection until the container exits). No response timeout: a wait may legitimately be long.
     */
    static DockerClient create(String host, int maxConnections) {
        return create(host, maxConnections, new EngineCalls());
    }

    /** Every call counted in {@code calls}, by kind, as Berth counts its own. */
    static DockerClient create(String host, int maxConnections, EngineCalls calls) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host))
                .maxConnections(maxConnections)
                .connectionTimeout(Duration.ofSeconds(30))
                .build();
        return DockerClientImpl.getInstance(config, new CountingHttpClient(http, calls));
    }
}
