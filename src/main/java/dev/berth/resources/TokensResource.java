package dev.berth.resources;

import dev.berth.auth.TokenService;
import dev.berth.api.InvalidRequestException;
import dev.berth.core.Caller;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

import static dev.berth.resources.Roles.ADMIN;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;

/** API tokens, for admins: create (the token is in this answer only), list, revoke (effective at once). */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {
    private final TokenService tokens;

    public TokensResource(TokenService tokens) {
        this.tokens = tokens;
    }

    public record NewToken(String name, String role) { }

    public record Listing(List<TokenService.TokenInfo> items) { }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "201", description = "Created: create a token name, role")
    @ApiResponse(responseCode = "400", description = "Bad Request: a parameter or the body is malformed")
    @ApiResponse(responseCode = "409", description = "Conflict")
    @ApiResponse(responseCode = "422", description = "Unprocessable: the body breaks a rule; every problem is listed")
    public Response create(@Parameter(hidden = true) @Auth Caller caller, NewToken body) {
        if (body == null) {
            throw new BadRequestException("the request body must be {\"name\": ..., \"role\": ...}");
        }
        try {
            var created = tokens.create(body.name(), body.role(), caller.name());
            return Response.status(201).entity(created).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(e.getMessage()));
        }
    }

    @GET
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "200", description = "OK: the tokens")
    public Listing list() {
        return new Listing(tokens.list());
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "204", description = "No Content: revoke a token, at once")
    @ApiResponse(responseCode = "404", description = "Not Found")
    public Response revoke(@PathParam("name") String name) {
        if (!tokens.revoke(name)) {
            throw new NotFoundException("no token named " + name);
        }
        return Response.noContent().build();
    }
}
