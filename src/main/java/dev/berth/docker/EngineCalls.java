package dev.berth.docker;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * How many calls Berth made to the engine's API, by kind and object ({@code list.containers},
 * {@code inspect.image}, {@code start.container}, ...): what a job costs the engine, counted where
 * every call passes, the HTTP client. Shown on the admin port's /metrics as {@code docker.calls};
 * an observer hears each call's time and outcome (the Prometheus metrics).
 */
public final class EngineCalls {
    private static final Pattern VERSION = Pattern.compile("^/v[0-9]+\\.[0-9]+");
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private volatile CallObserver observer = CallObserver.NONE;

    /** Told of each call once it answered (or failed): its kind, how long, whether it failed. */
    public interface CallObserver {
        CallObserver NONE = (kind, took, failed) -> { };

        void called(String kind, Duration took, boolean failed);
    }

    /** Set once at start (for metrics). */
    public void observeCalls(CallObserver callObserver) {
        this.observer = callObserver;
    }

    /** Counts a call as it goes out; its kind, for {@link #answered}. */
    String count(String method, String path) {
        String kind = kindOf(method, path);
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        return kind;
    }

    /** A call answered (failed: an error status, or no answer at all). */
    void answered(String kind, Duration took, boolean failed) {
        observer.called(kind, took, failed);
    }

    /** Every kind called so far, with its count, in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((kind, count) -> snapshot.put(kind, count.sum()));
        return snapshot;
    }

    /** {@code GET /v1.45/containers/abc/json?x} is {@code inspect.container}; an unknown call is {@code other}. */
    static String kindOf(String method, String path) {
        String bare = VERSION.matcher(path.split("\\?", 2)[0]).replaceFirst("");
        String[] parts = bare.replaceFirst("^/", "").split("/");
        String collection = parts[0];
        String object = switch (collection) {
            case "containers" -> "container";
            case "services" -> "service";
            case "tasks" -> "task";
            case "nodes" -> "node";
            case "images" -> "image";
            case "volumes" -> "volume";
            default -> null;
        };
        if (object == null) {
            return collection.isEmpty() ? "other" : collection; // info, version, events, _ping, swarm
        }
        String last = parts[parts.length - 1];
        if (parts.length == 1 || (parts.length == 2 && "json".equals(last) && "GET".equals(method))) {
            // GET /containers/json, /images/json, /services, /tasks, /nodes, /volumes
            return "GET".equals(method) ? "list." + collection : "other." + object;
        }
        if ("DELETE".equals(method)) {
            return "remove." + object;
        }
        if ("create".equals(last)) {
            return "create." + object;
        }
        if ("GET".equals(method) && ("json".equals(last) || parts.length == 2)) {
            return "inspect." + object;
        }
        return switch (last) {
            case "start", "wait", "logs", "stop", "kill", "update" -> last + "." + object;
            default -> "other." + object;
        };
    }
}
