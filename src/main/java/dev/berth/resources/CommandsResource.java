package dev.berth.resources;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.CommandView;
import dev.berth.api.InvalidRequestException;
import dev.berth.api.ManifestValidator;
import dev.berth.db.CommandRow;
import dev.berth.docker.DockerGateway;
import dev.berth.jobs.CommandService;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

import static dev.berth.resources.Roles.ADMIN;
import static dev.berth.resources.Roles.SUBMITTER;
import static dev.berth.resources.Roles.VIEWER;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Command templates: register (create or replace a version), list, read, delete, import from an image. */
@Path("/api/v1/commands")
@Produces(MediaType.APPLICATION_JSON)
public class CommandsResource {
    static final String IMAGE_LABEL = "org.nrg.commands";

    private final CommandService commands;
    private final DockerGateway docker;
    private final ObjectMapper json;

    public CommandsResource(CommandService commands, DockerGateway docker, ObjectMapper json) {
        this.commands = commands;
        this.docker = docker;
        this.json = json;
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "201", description = "Created: register a command version (create or replace)")
    @ApiResponse(responseCode = "200", description = "OK: the version existed and was replaced")
    @ApiResponse(responseCode = "400", description = "Bad Request: a parameter or the body is malformed")
    @ApiResponse(responseCode = "413", description = "Payload Too Large: over api.maxBodySize")
    @ApiResponse(responseCode = "415", description = "Unsupported Media Type")
    @ApiResponse(responseCode = "422", description = "Unprocessable: the body breaks a rule; every problem is listed")
    public Response put(@PathParam("name") String name, JsonNode body) {
        String version = body == null ? null : body.path("version").isTextual() ? body.get("version").asText() : null;
        boolean existed = commands.find(name, version == null ? "" : version).isPresent();
        CommandRow row = commands.register(name, body);
        return Response.status(existed ? 200 : 201).entity(view(row, false)).build();
    }

    @GET
    @RolesAllowed({VIEWER, SUBMITTER})
    @ApiResponse(responseCode = "200", description = "OK: every registered version")
    public Listing list() {
        return new Listing(commands.all().stream().map(row -> view(row, false)).toList());
    }

    @GET
    @Path("{name}")
    @RolesAllowed({VIEWER, SUBMITTER})
    @ApiResponse(responseCode = "200", description = "OK: one version, with its definition")
    @ApiResponse(responseCode = "404", description = "Not Found")
    public CommandView get(@PathParam("name") String name, @QueryParam("version") String version) {
        CommandRow row = commands.find(name, version).orElseThrow(() -> notFound(name, version));
        return view(row, true);
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "204", description = "No Content: delete one version, or all")
    @ApiResponse(responseCode = "404", description = "Not Found")
    public Response delete(@PathParam("name") String name, @QueryParam("version") String version) {
        if (commands.delete(name, version) == 0) {
            throw notFound(name, version);
        }
        return Response.noContent().build();
    }

    /** Reads the image's org.nrg.commands label from the local engine (never pulls) and registers it. */
    @POST
    @Path("import")
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "201", description = "Created: register the commands in an image's org.nrg.commands label")
    @ApiResponse(responseCode = "400", description = "Bad Request: a parameter or the body is malformed")
    @ApiResponse(responseCode = "404", description = "Not Found")
    @ApiResponse(responseCode = "422", description = "Unprocessable: the body breaks a rule; every problem is listed")
    @ApiResponse(responseCode = "502", description = "Bad Gateway: the engine answered with an error")
    @ApiResponse(responseCode = "503", description = "Service Unavailable: the engine or the database cannot be reached")
    public Response importFromImage(@QueryParam("image") String image) {
        if (image == null || image.isBlank()) {
            throw new BadRequestException("image is required: POST /api/v1/commands/import?image=<image>");
        }
        if (!ManifestValidator.isImageReference(image)) {
            throw new BadRequestException(ManifestValidator.IMAGE_RULE);
        }
        var labels = docker.imageLabels(image).orElseThrow(() ->
                new NotFoundException("image " + image + " is not present on the engine"));
        String label = labels.get(IMAGE_LABEL);
        if (label == null) {
            throw new InvalidRequestException(List.of("image " + image + " has no " + IMAGE_LABEL + " label"));
        }
        JsonNode list;
        try {
            list = json.readTree(label);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of("the " + IMAGE_LABEL + " label of " + image
                    + " is not JSON: " + e.getOriginalMessage()));
        }
        var rows = commands.registerAll(list, "the " + IMAGE_LABEL + " label of " + image);
        return Response.status(201).entity(new Listing(rows.stream().map(row -> view(row, false)).toList())).build();
    }

    public record Listing(List<CommandView> items) { }

    private CommandView view(CommandRow row, boolean full) {
        var definition = commands.definition(row);
        List<String> versions = full ? commands.versionsOf(row.name()) : null;
        JsonNode raw = null;
        if (full) {
            try {
                raw = json.readTree(row.definition());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored command " + row.name() + " is unreadable", e);
            }
        }
        return new CommandView(row.name(), row.version().isEmpty() ? null : row.version(), definition.image(),
                definition.description(), Instant.ofEpochMilli(row.registeredAt()), versions, raw);
    }

    private static NotFoundException notFound(String name, String version) {
        return new NotFoundException("no command named " + name + (version == null ? "" : " with version " + version));
    }
}
