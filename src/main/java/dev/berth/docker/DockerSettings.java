package dev.berth.docker;

import java.time.Duration;

/** The engine connection and the launch rules the gateway needs from the configuration. */
public record DockerSettings(String host, boolean pullMissingImages, Duration callTimeout, Duration pullTimeout) {
}
