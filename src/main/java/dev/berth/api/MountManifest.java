package dev.berth.api;

/** A bind mount as a user writes it; {@code readOnly} defaults to false. */
public record MountManifest(String source, String target, Boolean readOnly) {
}
