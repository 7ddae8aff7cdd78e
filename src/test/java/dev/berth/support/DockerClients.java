package dev.berth.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.time.Duration;

/** docker-java clients for the engines the tests look at directly, not through Berth. */
public final class DockerClients {
    private DockerClients() {
    }

    /** For calls that answer: every response within a minute. */
    public static DockerClient calls(String host) {
        return connect(host, Duration.ofSeconds(60));
    }

    /** For event streams: an idle stream is not a dead engine, so no response timeout. */
    public static DockerClient streams(String host) {
        return connect(host, null);
    }

    private static DockerClient connect(String host, Duration responseTimeout) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host))
                .connectionTimeout(Duration.ofSeconds(10));
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }
}
