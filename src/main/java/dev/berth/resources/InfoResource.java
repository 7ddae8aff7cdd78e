package dev.berth.resources;

import jakarta.annotation.security.RolesAllowed;
import dev.berth.api.InfoView;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.EngineInfo;
import dev.berth.reconcile.Leadership;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import static dev.berth.resources.Roles.SUBMITTER;
import static dev.berth.resources.Roles.VIEWER;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@Path("/api/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {
    private final DockerGateway docker;
    private final String dockerHost;
    private final boolean swarmMode;
    private final String instanceId;
    private final Leadership leadership;
    private final String tesPath;

    /** {@code tesPath}: where the TES endpoints are, null when they are off. */
    public InfoResource(DockerGateway docker, String dockerHost, boolean swarmMode, String instanceId,
                        Leadership leadership, String tesPath) {
        this.tesPath = tesPath;
        this.docker = docker;
        this.leadership = leadership;
        this.dockerHost = dockerHost;
        this.swarmMode = swarmMode;
        this.instanceId = instanceId;
    }

    @GET
    @RolesAllowed({VIEWER, SUBMITTER})
    @ApiResponse(responseCode = "200", description = "OK: Berth's version, the engine, swarm mode")
    public InfoView info() {
        EngineInfo engine = docker.engineInfo();
        String version = InfoResource.class.getPackage().getImplementationVersion();
        return new InfoView(version == null ? "development" : version, dockerHost, engine.reachable(),
                engine.version(), engine.apiVersion(), engine.error(), swarmMode, engine.swarmManager(),
                instanceId, leadership.member(), leadership.leads(), tesPath);
    }
}
