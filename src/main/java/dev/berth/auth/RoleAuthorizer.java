package dev.berth.auth;

import dev.berth.core.Caller;
import dev.berth.core.Role;
import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Whether a caller's role grants a role an endpoint names: an admin's grants every role. */
public class RoleAuthorizer implements Authorizer<Caller> {
    @Override
    public boolean authorize(Caller caller, String role, ContainerRequestContext request) {
        return Role.named(role).map(caller.role()::grants).orElse(false);
    }
}
