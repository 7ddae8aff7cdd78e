package dev.berth.auth;

import dev.berth.db.AuditLog;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every request that may change something (POST, PUT, PATCH, DELETE), once it is answered:
 * refused ones too, so that a run of bad tokens shows. The remote address is the socket's: a
 * forwarded-for header is the client's word, not a fact.
 */
@Priority(1)
public class AuditFilter implements ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;
    private final Clock clock;

    @Context
    private HttpServletRequest servletRequest;

    public AuditFilter(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!CHANGES.contains(request.getMethod())) {
            return;
        }
        var principal = request.getSecurityContext().getUserPrincipal();
        String target = "/" + request.getUriInfo().getPath();
        try {
            audit.append(clock.millis(), principal == null ? null : principal.getName(), request.getMethod(), target,
                    servletRequest == null ? null : servletRequest.getRemoteAddr(), response.getStatus());
        } catch (RuntimeException e) {
            // The answer stands; what could not be recorded is said in the log instead.
            LOG.warn("could not record {} {} ({}) in the audit trail: {}", request.getMethod(), target,
                    response.getStatus(), e.toString());
        }
    }
}
