package dev.berth.auth;

import dev.berth.core.Caller;
import dev.berth.db.AuditLog;
import dev.berth.db.TokenStore;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts authentication, roles and the audit trail in front of every endpoint: bearer tokens
 * (dropwizard-auth's OAuth filter, whose scheme is "Bearer"), {@code @RolesAllowed} checked by
 * {@link RoleCheck}, the caller handed to resources with {@code @Auth}.
 */
public final class AuthSetup {
    private static final Logger LOG = LoggerFactory.getLogger(AuthSetup.class);

    private AuthSetup() {
    }

    public static void register(JerseyEnvironment jersey, boolean enabled, TokenStore tokens, AuditLog audit,
                                Clock clock) {
        if (enabled) {
            jersey.register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<Caller>()
                    .setAuthenticator(new TokenAuthenticator(tokens))
                    .setAuthorizer(new RoleAuthorizer())
                    .setUnauthorizedHandler(new JSONUnauthorizedHandler())
                    .setPrefix("Bearer")
                    .setRealm("berth")
                    .buildAuthFilter()));
        } else {
            LOG.warn("AUTHENTICATION IS OFF (auth.enabled: false): anyone who reaches this port may run any image"
                    + " on the engine and read or cancel every job. Only for a single-user machine.");
            jersey.register(new AuthDynamicFeature(new AnonymousAuthFilter()));
        }
        jersey.register(new TokenInUrlRefusal());
        jersey.register(new RoleCheck());
        jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        jersey.register(new AuditFilter(audit, clock));
    }
}
