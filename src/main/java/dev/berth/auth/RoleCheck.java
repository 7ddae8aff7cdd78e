package dev.berth.auth;

import dev.berth.core.Caller;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @RolesAllowed} on an endpoint, checked after authentication: a caller whose role grants
 * none of them gets a 403 saying which role it has and which it needs.
 */
public class RoleCheck implements DynamicFeature {
    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            context.register(new Filter(List.of(allowed.value())));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class Filter implements ContainerRequestFilter {
        private final List<String> roles;

        private Filter(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (roles.stream().anyMatch(security::isUserInRole)) {
                return;
            }
            String role = security.getUserPrincipal() instanceof Caller caller ? caller.role().name() : "none";
            List<String> needed = new ArrayList<>(roles);
            if (!needed.contains("admin")) {
                needed.add("admin");
            }
            String message = "a token of role " + role + " may not do this: it needs " + String.join(" or ", needed);
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorMessage(403, message)).build());
        }
    }
}
