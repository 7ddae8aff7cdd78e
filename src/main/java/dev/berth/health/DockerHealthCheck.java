package dev.berth.health;

import com.codahale.metrics.health.HealthCheck;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.EngineInfo;

/** Red when the engine does not answer, or when swarm mode is on and the engine cannot run services. */
public class DockerHealthCheck extends HealthCheck {
    private final DockerGateway docker;
    private final boolean swarmMode;

    public DockerHealthCheck(DockerGateway docker, boolean swarmMode) {
        this.docker = docker;
        this.swarmMode = swarmMode;
    }

    @Override
    protected Result check() {
        EngineInfo engine = docker.engineInfo();
        if (!engine.reachable()) {
            return Result.unhealthy("engine unavailable: " + engine.error());
        }
        String about = "engine " + engine.version() + " (API " + engine.apiVersion() + ")";
        if (swarmMode && !engine.swarmManager()) {
            return Result.unhealthy(about + " is not a swarm manager, but docker.swarmMode is true");
        }
        return Result.healthy(about + (swarmMode ? ", swarm manager" : ""));
    }
}
