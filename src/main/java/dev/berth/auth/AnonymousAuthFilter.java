package dev.berth.auth;

import dev.berth.core.Caller;
import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/** With authentication off, every request is {@link Caller#ANONYMOUS}, an admin, whatever it carries. */
@Priority(Priorities.AUTHENTICATION)
final class AnonymousAuthFilter extends AuthFilter<String, Caller> {
    AnonymousAuthFilter() {
        this.authenticator = credentials -> Optional.of(Caller.ANONYMOUS);
        this.authorizer = new RoleAuthorizer();
        this.prefix = "Bearer";
        this.realm = "berth";
    }

    @Override
    public void filter(ContainerRequestContext request) {
        authenticate(request, "", "none");
    }
}
