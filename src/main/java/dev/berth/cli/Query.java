package dev.berth.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A path with its query parameters, each URL-encoded; a parameter without a value (null) is left out. */
final class Query {
    private final String path;
    private final List<String> parameters = new ArrayList<>();

    Query(String path) {
        this.path = path;
    }

    Query with(String name, Object value) {
        if (value != null) {
            parameters.add(name + "=" + encode(value.toString()));
        }
        return this;
    }

    /** A name as one path segment: a command named {@code RegAladin (NiftyReg)} is {@code RegAladin%20%28NiftyReg%29}. */
    static String segment(String name) {
        return encode(name);
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    }

    /** URLEncoder writes a space as + (forms); in a path, + is a plus. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
