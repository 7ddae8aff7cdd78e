package dev.berth.support;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.client.Client;
import java.time.Duration;
import java.time.Instant;

/** Berth's admin port as a test reads it: health checks and the reconcile pass count. */
public final class AdminApi {
    private final Client client;
    private final String base;

    public AdminApi(Client client, int adminPort) {
        this.client = client;
        this.base = "http://127.0.0.1:" + adminPort;
    }

    /** One health check's {healthy, message, ...}; the page answers 500 when any check is red. */
    public JsonNode check(String name) {
        try (var response = client.target(base + "/healthcheck").request().get()) {
            return JobsApi.read(response.readEntity(String.class)).path(name);
        }
    }

    /** Polls until the check is as wanted; fails with its last state after the deadline. */
    public JsonNode awaitCheck(String name, boolean healthy, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        JsonNode check = check(name);
        while (check.path("healthy").asBoolean() != healthy) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("health check " + name + " not " + (healthy ? "green" : "red")
                        + " within " + deadline + ": " + check);
            }
            Pause.millis(200);
            check = check(name);
        }
        return check;
    }

    /** How many reconcile passes have run (the reconciler.pass timer), the evidence that passes happened. */
    public long passes() {
        try (var response = client.target(base + "/metrics").request().get()) {
            return JobsApi.read(response.readEntity(String.class)).path("timers").path("reconciler.pass")
                    .path("count").asLong();
        }
    }

    /** How many engine calls of {@code kind} (create.container, say) this process has made. */
    public long engineCalls(String kind) {
        try (var response = client.target(base + "/metrics").request().get()) {
            return JobsApi.read(response.readEntity(String.class)).path("gauges").path("docker.calls")
                    .path("value").path(kind).asLong();
        }
    }

    /** Waits until at least {@code more} passes have run after this call. */
    public void awaitPasses(int more, Duration deadline) {
        long target = passes() + more;
        Instant end = Instant.now().plus(deadline);
        while (passes() < target) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("fewer than " + more + " reconcile passes within " + deadline);
            }
            Pause.millis(100);
        }
    }
}
