package dev.berth.resources;

import jakarta.annotation.security.RolesAllowed;
import dev.berth.jobs.QueueService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

import static dev.berth.resources.Roles.ADMIN;
import static dev.berth.resources.Roles.VIEWER;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The queues of config.yml with their counts; pausing one stops its launches, never its running jobs. */
@Path("/api/v1/queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {
    private final QueueService queues;

    public QueuesResource(QueueService queues) {
        this.queues = queues;
    }

    @GET
    @RolesAllowed(VIEWER)
    @ApiResponse(responseCode = "200", description = "OK: the queues, their limits and counts")
    public List<QueueService.QueueState> list() {
        return queues.all();
    }

    @POST
    @Path("{name}/pause")
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "200", description = "OK: stop launching the queue's jobs")
    @ApiResponse(responseCode = "404", description = "Not Found")
    public QueueService.QueueState pause(@PathParam("name") String name) {
        return queues.setPaused(name, true).orElseThrow(() -> noQueue(name));
    }

    @POST
    @Path("{name}/resume")
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "200", description = "OK: launch them again")
    @ApiResponse(responseCode = "404", description = "Not Found")
    public QueueService.QueueState resume(@PathParam("name") String name) {
        return queues.setPaused(name, false).orElseThrow(() -> noQueue(name));
    }

    private static NotFoundException noQueue(String name) {
        return new NotFoundException("no queue named " + name + " is configured");
    }
}
