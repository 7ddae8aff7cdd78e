package dev.berth.auth;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a token sent as {@code ?access_token=}, which dropwizard-auth's bearer filter would accept:
 * a URL is written to the request log and to proxies' logs, so a token in one is a token disclosed.
 */
@Priority(Priorities.AUTHENTICATION - 100)
final class TokenInUrlRefusal implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey("access_token")) {
            request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorMessage(400, "send the token in the Authorization header (Bearer), never in"
                            + " the URL: URLs are written to logs"))
                    .build());
        }
    }
}
