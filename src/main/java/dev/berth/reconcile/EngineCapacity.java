package dev.berth.reconcile;

import dev.berth.core.Capacity;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.EngineInfo;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capacity plain containers may take, as docker.capacity says: asked of the engine once, at
 * the first pass that needs it and finds the engine (a host's CPUs and memory do not change under
 * a running engine), then kept.
 */
final class EngineCapacity {
    private static final Logger LOG = LoggerFactory.getLogger(EngineCapacity.class);

    /** Null: capacity is not counted. */
    private final CapacitySetting setting;
    private final DockerGateway docker;
    private Capacity known;

    EngineCapacity(CapacitySetting setting, DockerGateway docker) {
        this.setting = setting;
        this.docker = docker;
    }

    boolean counted() {
        return setting != null;
    }

    /** Empty while the engine has not said what it has (no job should launch on a guess then). */
    Optional<Capacity> total() {
        if (known == null && setting != null) {
            EngineInfo engine = setting.needsEngine() ? docker.engineInfo() : EngineInfo.unreachable(null);
            known = setting.resolve(engine).orElse(null);
            if (known != null) {
                LOG.info("containers may take {} at once (docker.capacity)", known);
            }
        }
        return Optional.ofNullable(known);
    }
}
