package dev.berth.core;

/** A bind mount: a host path made visible inside the job's container. */
public record Mount(String source, String target, boolean readOnly) {
}
