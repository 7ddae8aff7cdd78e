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
    public Response create(@Auth Caller caller, NewToken body) {
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
    public Listing list() {
        return new Listing(tokens.list());
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed(ADMIN)
    public Response revoke(@PathParam("name") String name) {
        if (!tokens.revoke(name)) {
            throw new NotFoundException("no token named " + name);
        }
        return Response.noContent().build();
    }
}
