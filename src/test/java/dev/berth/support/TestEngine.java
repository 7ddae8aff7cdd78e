package dev.berth.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real engine the tests run against, seen directly (not through Berth) so that tests can check
 * what Berth did. Every object a test makes carries a per-run instance id and is removed by it.
 */
public final class TestEngine {
    public static final String HOST = "unix:///var/run/docker.sock";
    public static final String IMAGE = System.getProperty("berth.testImage", "berth-test-busybox:1");

    /**
     * The bound on waiting for a finished job's objects to go. Berth writes a job's end first and
     * removes its object only afterwards (AttemptCloser: a crash in between loses nothing), and the
     * swarm removes a service's task container a moment after the service; so a test that has seen
     * the end must wait for the removal rather than look once.
     */
    public static final Duration REMOVAL = Duration.ofSeconds(30);

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

    /** Removes the containers, services and volumes of one test instance, and nothing else. */
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
        for (String volume : volumesLabelled(labels)) {
            try {
                docker().removeVolumeCmd(volume).exec();
            } catch (NotFoundException | ConflictException goneOrStillInUse) {
                // removed by Berth meanwhile, or a swarm task container is still going
            }
        }
    }

    /** The names of the volumes carrying every one of these labels. */
    public static List<String> volumesLabelled(Map<String, String> labels) {
        var volumes = docker().listVolumesCmd().withFilter("label", labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()).exec().getVolumes();
        return volumes == null ? List.of() : volumes.stream().map(v -> v.getName()).toList();
    }

    /** The job's containers (a service's task container among them), services and volumes on the engine, by name. */
    public static List<String> objectsOf(String jobId) {
        Map<String, String> labels = Map.of("berth.job", jobId);
        List<String> objects = new ArrayList<>();
        for (var container : docker().listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
            String[] names = container.getNames();
            objects.add("container " + (names == null || names.length == 0 ? container.getId() : names[0])
                    + " (" + container.getState() + ")");
        }
        if (isSwarmManager()) {
            for (var service : docker().listServicesCmd().withLabelFilter(labels).exec()) {
                objects.add("service " + (service.getSpec() == null ? service.getId() : service.getSpec().getName()));
            }
        }
        volumesLabelled(labels).forEach(volume -> objects.add("volume " + volume));
        return objects;
    }

    /**
     * For a job whose end the test has seen: polls until none of its objects is left, at most
     * {@link #REMOVAL}; returns those still there (empty once all are gone), for the test to assert.
     */
    public static List<String> objectsLeftOf(String jobId) {
        return Await.until(() -> objectsOf(jobId), List::isEmpty, REMOVAL);
    }

    /**
     * A local image of the test image's layers whose org.nrg.commands label holds {@code commandsJson}
     * (a JSON list), as XNAT's images carry their commands; the caller removes it.
     */
    public static String imageWithCommands(String tag, String commandsJson) {
        var container = docker().createContainerCmd(IMAGE).withCmd("true").exec();
        try {
            docker().commitCmd(container.getId()).withRepository("berth-test-commands").withTag(tag)
                    .withLabels(Map.of("org.nrg.commands", commandsJson)).exec();
        } finally {
            docker().removeContainerCmd(container.getId()).exec();
        }
        return "berth-test-commands:" + tag;
    }

    public static boolean isSwarmManager() {
        var swarm = docker().infoCmd().exec().getSwarm();
        return swarm != null && Boolean.TRUE.equals(swarm.getControlAvailable());
    }
}
