package dev.berth.resources;

import jakarta.annotation.security.RolesAllowed;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.SwarmNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

import static dev.berth.resources.Roles.ADMIN;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The swarm's nodes, for operators: where jobs can run and with what. */
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {
    private final DockerGateway docker;

    public NodesResource(DockerGateway docker) {
        this.docker = docker;
    }

    public record NodeList(List<SwarmNode> items) { }

    /** 409 when the engine is not a swarm manager: it has no nodes to tell of. */
    @GET
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "200", description = "OK: the swarm's nodes")
    @ApiResponse(responseCode = "409", description = "Conflict")
    @ApiResponse(responseCode = "502", description = "Bad Gateway: the engine answered with an error")
    @ApiResponse(responseCode = "503", description = "Service Unavailable: the engine or the database cannot be reached")
    public Response nodes() {
        return docker.nodes()
                .map(nodes -> Response.ok(new NodeList(nodes)).build())
                .orElseGet(() -> ManifestErrorMappers.error(409,
                        "the Docker engine is not a swarm manager: it has no nodes to list"));
    }
}
