package dev.berth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Berth as an operator runs it: {@code java -jar target/berth.jar server} in a process of its own,
 * so that a test can SIGKILL it and start it again on the same database and ports. Each start
 * writes its output to a file of its own in the given directory, for diagnosis.
 */
public final class BerthProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "berth.jar");
    private static final Path TEST_CONFIG = Path.of("src", "test", "resources", "test-config.yml");
    /** What a process killed by SIGKILL exits with: proof that it did not shut down by itself. */
    private static final int KILLED = 128 + 9;

    private final String name;
    private final Path directory;
    private final Map<String, String> overrides;
    private final Path config;
    private final int port = freePort();
    private final int adminPort = freePort();
    private volatile Process process;
    private int starts;

    /**
     * Berth for one test instance on {@code dockerHost}, with the test tick (200 ms). Its database and
     * logs go to {@link #directoryOf(String)}, under target/ rather than a temp dir that JUnit deletes:
     * they are what a post-mortem of a failed crash test needs.
     */
    public static BerthProcess forInstance(String instance, String dockerHost, boolean swarmMode) {
        return forInstance(instance, dockerHost, swarmMode, Map.of());
    }

    /** With {@code extra} config keys and values besides. */
    public static BerthProcess forInstance(String instance, String dockerHost, boolean swarmMode,
                                           Map<String, String> extra) {
        Path directory = directoryOf(instance);
        Map<String, String> overrides = new java.util.LinkedHashMap<>(Map.of(
                "database.url", "jdbc:h2:" + directory.toAbsolutePath().resolve("berth"),
                "reconciler.instanceId", instance,
                "reconciler.interval", "200ms",
                "docker.swarmMode", Boolean.toString(swarmMode),
                "docker.host", dockerHost));
        overrides.putAll(extra);
        return new BerthProcess(instance, directory, overrides);
    }

    public static Path directoryOf(String instance) {
        return Path.of("target", "berth-processes", instance);
    }

    /** {@code overrides} are config keys and values, passed as -Ddw.key=value; logs go to {@code directory}. */
    public BerthProcess(String name, Path directory, Map<String, String> overrides) {
        this(name, directory, overrides, TEST_CONFIG);
    }

    /** As above, started with the configuration file {@code config} (the shipped config.yml, say). */
    public BerthProcess(String name, Path directory, Map<String, String> overrides, Path config) {
        this.name = name;
        this.directory = directory;
        Map<String, String> all = new java.util.LinkedHashMap<>(overrides);
        all.putIfAbsent("auth.bootstrapTokenFile", directory.toAbsolutePath().resolve("admin.token").toString());
        this.overrides = Map.copyOf(all);
        this.config = config;
    }

    /**
     * Sends the admin token this process (or the first process on its database, when several share
     * one token file) created at its first start.
     */
    public BearerToken adminToken() {
        return new BearerToken(Path.of(overrides.get("auth.bootstrapTokenFile")));
    }

    /** Starts a new process on the same database and ports; returns once its API answers. */
    public void start(Duration deadline) {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError(JAR.toAbsolutePath() + " is missing: these tests run after `mvn package`");
        }
        starts++;
        try {
            Files.createDirectories(directory);
            Path log = log();
            process = new ProcessBuilder(command()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            System.out.printf("[%s] started Berth #%d as pid %d (log: %s)%n", name, starts, process.pid(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + JAR, e);
        }
        HttpProbe.awaitAnswer(process, "http://127.0.0.1:" + port + "/api/v1/info", deadline);
    }

    /**
     * Starts a process that is to refuse to start, and returns its exit value once it has exited;
     * fails if it still runs after {@code deadline} (it is killed then).
     */
    public int startExpectingExit(Duration deadline) {
        starts++;
        try {
            Files.createDirectories(directory);
            process = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + JAR, e);
        }
        int exit = waitForExit(deadline);
        if (exit < 0) {
            process.destroyForcibly();
            throw new AssertionError(name + " still runs after " + deadline + ": it was to refuse to start (log: "
                    + log() + ")");
        }
        return exit;
    }

    /** SIGKILL, then waits for the exit and checks by pid that the process is really gone. */
    public void kill() {
        long pid = process.pid();
        process.destroyForcibly();
        int exit = waitForExit(Duration.ofSeconds(60));
        if (exit != KILLED || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new AssertionError("Berth pid " + pid + " was not killed: exit " + exit);
        }
    }

    /** SIGSTOP: the process stops where it is, holding all it holds, until {@link #resume}. */
    public void suspend() {
        signal("STOP");
    }

    /** SIGCONT after {@link #suspend}. */
    public void resume() {
        signal("CONT");
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " exited " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A clean shutdown (SIGTERM), for the end of a test. */
    @Override
    public void close() {
        stop();
    }

    /** A clean shutdown (SIGTERM); the process may be started again. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (waitForExit(Duration.ofSeconds(90)) < 0) {
                process.destroyForcibly();
            }
        }
    }

    /** Where the output of the latest start goes. */
    public Path log() {
        return directory.resolve("berth-" + starts + ".log");
    }

    public int port() {
        return port;
    }

    public int adminPort() {
        return adminPort;
    }

    private List<String> command() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "-Ddw.server.applicationConnectors[0].port=" + port,
                "-Ddw.server.adminConnectors[0].port=" + adminPort));
        overrides.forEach((key, value) -> command.add("-Ddw." + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString(), "server", config.toString()));
        return command;
    }

    /** The exit value, or -1 if the process still runs after the deadline. */
    private int waitForExit(Duration deadline) {
        try {
            return process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for Berth to exit", e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
