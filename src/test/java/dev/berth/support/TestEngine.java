package dev.berth.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The real engine the tests run against, seen directly (not through Berth) so that tests can check
 * what Berth did. Every object a test makes carries a per-run instance id and is removed by it.
 */
public final class TestEngine {
    public static final String HOST = "unix:///var/run/docker.sock";
    public static final String IMAGE = System.getProperty("berth.testImage", "berth-test-busybox:1");

    private static DockerClient client;

    private TestEngine() {
    }

    public static synchronized DockerClient docker() {
        if (client == null) {
            var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(HOST).build();
            var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(HOST))
                    .responseTimeout(Duration.ofSeconds(60)).build();
            client = DockerClientImpl.getInstance(config, http);
        }
        return client;
    }

    public static String newInstanceId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Removes the containers and services of one test instance, and nothing else. */
    public static void removeAllOf(String instanceId) {
        Map<String, String> labels = Map.of("berth.managed", "true", "berth.instance", instanceId);
        for (var container : docker().listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
            try {
                docker().removeContainerCmd(container.getId()).withForce(true).exec();
            } catch (NotFoundException | ConflictException removedByBerthMeanwhile) {
                // Berth's own cleanup got there first (or is at it)
            }
        }
        if (isSwarmManager()) {
            for (var service : docker().listServicesCmd().withLabelFilter(labels).exec()) {
                try {
                    docker().removeServiceCmd(service.getId()).exec();
                } catch (NotFoundException alreadyGone) {
                    // removed by Berth meanwhile
                }
            }
        }
    }

    public static boolean isSwarmManager() {
        var swarm = docker().infoCmd().exec().getSwarm();
        return swarm != null && Boolean.TRUE.equals(swarm.getControlAvailable());
    }
}
