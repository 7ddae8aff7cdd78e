package dev.berth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Berth server process, started from the jar as scripts/run starts it (`java
 * $BERTH_JAVA_OPTIONS -jar berth.jar server config.yml`), with its own ports, database file and
 * instance id, and authentication on as in use: its API is asked with the admin token that the
 * instance's first server wrote.
 */
final class BerthServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Servers still running, for the driver's shutdown hook: no Berth process may outlive a failed run. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Process process;
    private final URI api;
    private final URI admin;
    private final Path log;
    private final Path tokenFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BerthServer(Process process, URI api, URI admin, Path log, Path tokenFile) {
        this.process = process;
        this.api = api;
        this.admin = admin;
        this.log = log;
        this.tokenFile = tokenFile;
    }

    /** {@code overrides} are Dropwizard's -Ddw.* keys without the prefix. */
    static BerthServer start(BenchSettings settings, String name, Path database, Map<String, String> overrides)
            throws IOException, InterruptedException {
        int apiPort = freePort();
        int adminPort = freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.applicationConnectors[0].port", Integer.toString(apiPort));
        all.put("server.adminConnectors[0].port", Integer.toString(adminPort));
        all.put("database.url", "jdbc:h2:" + database.toAbsolutePath());
        // The engine the driver watches and cleans up, whatever config.yml names.
        all.put("docker.host", settings.engine().dockerHost());
        // The benchmark measures the runner, not the site's quotas: from one token it submits bursts
        // of up to 400 jobs (the queue section 10,000), and the API section leaves tens of thousands
        // Pending. An empty maxActiveJobsPerOwner is null, no limit: a submission counts no jobs.
        all.put("quotas.submissionsPerSecond", "0");
        all.put("quotas.maxActiveJobsPerOwner", "");
        all.putAll(overrides);
        // The servers of one instance share a database and so its tokens, and only the first to
        // start finds none and writes the admin token: each instance has a file of its own, and its
        // servers all name it.
        Path tokenFile = settings.workDir().resolve(all.getOrDefault("reconciler.instanceId", name) + ".token");
        all.put("auth.bootstrapTokenFile", tokenFile.toAbsolutePath().toString());
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        for (String option : System.getProperty("bench.javaOptions", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        all.forEach((key, value) -> command.add("-Ddw." + key + "=" + value));
        command.addAll(List.of("-jar", settings.jar().toString(), "server", settings.config().toString()));
        Path log = settings.workDir().resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        RUNNING.add(process);
        BerthServer server = new BerthServer(process, URI.create("http://127.0.0.1:" + apiPort),
                URI.create("http://127.0.0.1:" + adminPort), log, tokenFile);
        server.awaitHealthy();
        return server;
    }

    /** Stops every server this driver started and has not stopped yet, and waits until they have. */
    static void stopAll() {
        RUNNING.forEach(Process::destroy);
        for (Process process : RUNNING) {
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    URI api() {
        return api;
    }

    /**
     * The admin token every request to {@link #api()} carries. Once the server answers it is in the
     * file: Berth writes it before it listens, and a later server of the instance finds it there.
     */
    String token() throws IOException {
        if (!Files.exists(tokenFile)) {
            throw new IOException("no admin token in " + tokenFile + " (was the database given tokens elsewhere?);"
                    + " see " + log);
        }
        return Files.readString(tokenFile).trim();
    }

    /** A client of this server's API, with its token. */
    BerthApi client() throws IOException {
        return new BerthApi(api, token());
    }

    long pid() {
        return process.pid();
    }

    /** VmRSS of the server process, in kB. */
    long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid() + "/status");
    }

    /**
     * What the server has spent so far: its CPU and dockerd's, its engine calls by kind
     * ({@code docker.calls}), passes and database write transactions ({@code store.writes}).
     */
    Cost cost() throws IOException, InterruptedException {
        JsonNode metrics = getJson(admin.resolve("/metrics"));
        java.util.Map<String, Long> calls = new java.util.TreeMap<>();
        metrics.path("gauges").path("docker.calls").path("value").properties()
                .forEach(call -> calls.put(call.getKey(), call.getValue().asLong()));
        return new Cost(ProcCpu.seconds(pid()), ProcCpu.seconds(ProcCpu.enginePid()), calls,
                metrics.path("timers").path("reconciler.pass").path("count").asLong(),
                metrics.path("gauges").path("store.writes").path("value").asLong(-1));
    }

    /** The reconciler.pass timer from the admin port's /metrics (durations in seconds). */
    JsonNode passTimer() throws IOException, InterruptedException {
        return getJson(admin.resolve("/metrics")).path("timers").path("reconciler.pass");
    }

    /** SIGKILL, as a crash would end it; returns once it has exited. */
    void kill() throws InterruptedException {
        RUNNING.remove(process);
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM, so that Berth shuts down as it would in use (its loop finishes the pass in hand). */
    @Override
    public void close() {
        RUNNING.remove(process);
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Berth exited while starting; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(admin.resolve("/healthcheck"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Berth was not healthy within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private JsonNode getJson(URI uri) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
