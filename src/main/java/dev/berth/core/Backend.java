package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a job's attempt runs on Docker; fixed per job when it launches. */
public enum Backend {
    CONTAINER("container"),
    SERVICE("service");

    private final String wireName;

    Backend(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Backend fromWireName(String name) {
        for (Backend backend : values()) {
            if (backend.wireName.equals(name)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("unknown backend: " + name);
    }
}
