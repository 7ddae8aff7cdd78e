package dev.berth.docker;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * How many calls Berth made to the engine's API, by kind and object ({@code list.containers},
 * {@code inspect.image}, {@code start.container}, ...): what a job costs the engine, counted where
 * every call passes, the HTTP client. Shown on the admin port's /metrics as {@code docker.calls}.
 */
public final class EngineCalls {
    private static final Pattern VERSION = Pattern.compile("^/v[0-9]+\\.[0-9]+");
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String method, String path) {
        counts.computeIfAbsent(kindOf(method, path), k -> new LongAdder()).increment();
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
