package dev.berth.docker;

/** A volume made for one attempt and mounted at {@code target} in each of its steps. */
public record SharedVolume(String name, String target) {
}
