package dev.berth.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a token's holder may do. {@code viewer} reads everything; {@code submitter} submits and
 * reads, follows and cancels its own jobs; {@code admin} does everything. Viewer and submitter are
 * not ordered: each may do something the other may not.
 */
public enum Role {
    viewer,
    submitter,
    admin;

    /** Whether a caller with this role may do what {@code needed} may. */
    public boolean grants(Role needed) {
        return this == admin || this == needed;
    }

    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name == null ? null : name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
