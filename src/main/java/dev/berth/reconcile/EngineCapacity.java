package dev.berth.reconcile;

import dev.berth.core.Capacity;
import dev.berth.docker.DockerGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capacity plain containers may take, as docker.capacity says: for {@code auto}, asked of the
 * engine at the first pass that needs it (again at most every 10 s until the engine says), then
 * kept: a host that grows or shrinks under a running Berth counts as it was until a restart.
 */
final class EngineCapacity {
    private static final Logger LOG = LoggerFactory.getLogger(EngineCapacity.class);
    private static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(10);

    /** Null: capacity is not counted. */
    private final CapacitySetting setting;
    private final DockerGateway docker;
    private final Clock clock;
    private Capacity known;
    private Instant askedAt;

    EngineCapacity(CapacitySetting setting, DockerGateway docker, Clock clock) {
        this.setting = setting;
        this.docker = docker;
        this.clock = clock;
    }

    boolean counted() {
        return setting != null;
    }

    /** Empty while the engine has not said what its host has (no job that asks for resources launches then). */
    Optional<Capacity> total() {
        if (known != null || setting == null) {
            return Optional.ofNullable(known);
        }
        if (!setting.needsEngine()) {
            known = setting.given();
        } else if (askedAt == null || !clock.instant().isBefore(askedAt.plus(ASK_AGAIN_AFTER))) {
            boolean first = askedAt == null;
            askedAt = clock.instant();
            known = setting.resolve(docker.engineInfo()).orElse(null);
            if (known == null && first) {
                LOG.warn("the engine did not say how many CPUs and how much memory it has (docker.capacity is"
                        + " auto): jobs that ask for resources wait until it does; asked again every {} s",
                        ASK_AGAIN_AFTER.toSeconds());
            }
        }
        if (known != null) {
            LOG.info("containers may take {} at once (docker.capacity)", known);
        }
        return Optional.ofNullable(known);
    }
}
