package dev.berth.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The multi-node swarm of scripts/swarm-lab, as scripts/test hands it over: the manager's address
 * and the test image in the bed's registry, by digest. Its nodes are {@code manager}, {@code w1}
 * (label zone=a) and {@code w2} (label zone=b, generic resources gpu=gpu0,gpu1).
 */
public final class LabSwarm {
    public static final String MANAGER = System.getProperty("berth.labManager", "");
    /** {@code 10.77.0.5:5000/berth-test-busybox@sha256:...}: only in the registry and on the manager. */
    public static final String IMAGE = System.getProperty("berth.labImage", "");
    /** The bed's registry that needs a login, and its one user, as scripts/swarm-lab makes them. */
    public static final String AUTH_REGISTRY = IMAGE.isEmpty() ? "" : IMAGE.substring(0, IMAGE.indexOf(':')) + ":5001";
    public static final String AUTH_USER = "berth";
    public static final String AUTH_PASSWORD = "berth-lab-secret";
    private static final Path SCRIPT = Path.of("scripts", "swarm-lab").toAbsolutePath();

    private static DockerClient manager;

    private LabSwarm() {
    }

    /** Fails, rather than skips, a multinode test run without the bed: it would prove nothing. */
    public static void requireBed() {
        if (MANAGER.isEmpty() || IMAGE.isEmpty()) {
            throw new IllegalStateException("the multinode tests need the bed: run them through scripts/test"
                    + " (it passes -Dberth.labManager and -Dberth.labImage)");
        }
    }

    public static synchronized DockerClient manager() {
        if (manager == null) {
            manager = DockerClients.calls(MANAGER);
        }
        return manager;
    }

    /** A node's own engine (manager, w1, w2), for what only that node knows: its containers. */
    public static DockerClient node(String name) {
        return DockerClients.calls("unix:///var/run/berth-lab/" + name + ".sock");
    }

    /** The image by tag in the bed's registry: the manager has it locally, with its registry digest. */
    public static String imageByTag() {
        return IMAGE.substring(0, IMAGE.indexOf('@')) + ":1";
    }

    /**
     * Pushes the test image to the registry that needs a login as a repository of its own, which no
     * node has ever pulled, and leaves the manager no tag of it: whoever runs it must pull it with
     * credentials. Returns it by tag.
     */
    public static String pushedBehindALogin(String repository) {
        String byTag = AUTH_REGISTRY + "/" + repository + ":1";
        var auth = new AuthConfig().withUsername(AUTH_USER).withPassword(AUTH_PASSWORD)
                .withRegistryAddress(AUTH_REGISTRY);
        manager().tagImageCmd(IMAGE, AUTH_REGISTRY + "/" + repository, "1").exec();
        try {
            manager().pushImageCmd(byTag).withAuthConfig(auth).start().awaitCompletion(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            manager().removeImageCmd(byTag).exec();
        }
        return byTag;
    }

    /** SIGKILL of worker {@code n}'s dockerd (1 or 2): the node is lost without warning. */
    public static void killNode(int n) {
        run("kill-node", String.valueOf(n));
    }

    public static void restartNode(int n) {
        run("restart-node", String.valueOf(n));
    }

    /** The swarm id of a node by its hostname (berth-lab-w1, ...). */
    public static String nodeId(String hostname) {
        return manager().listSwarmNodesCmd().exec().stream()
                .filter(node -> hostname.equals(node.getDescription().getHostname()))
                .findFirst().orElseThrow().getId();
    }

    /** Drains a node (its tasks are shut down, nothing new lands there) or makes it active again. */
    public static void setAvailability(String nodeId, SwarmNodeAvailability availability) {
        var node = manager().listSwarmNodesCmd().withIdFilter(List.of(nodeId)).exec().get(0);
        manager().updateSwarmNodeCmd().withSwarmNodeId(nodeId).withVersion(node.getVersion().getIndex())
                .withSwarmNodeSpec(node.getSpec().withAvailability(availability)).exec();
    }

    /** Removes the services of one test instance from the bed, and nothing else. */
    public static void removeAllOf(String instanceId) {
        Map<String, String> labels = Map.of("berth.managed", "true", "berth.instance", instanceId);
        for (var service : manager().listServicesCmd().withLabelFilter(labels).exec()) {
            try {
                manager().removeServiceCmd(service.getId()).exec();
            } catch (NotFoundException alreadyGone) {
                // Berth removed it meanwhile
            }
        }
    }

    private static void run(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/swarm-lab " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
