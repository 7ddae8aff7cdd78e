package dev.berth.resources;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Refuses request bodies over the configured size with a 413 before any parser sees them. Bodies
 * are small (manifests), so the accepted ones are buffered and handed on.
 */
public class BodySizeLimit implements ContainerRequestFilter {
    private final int maxBytes;

    public BodySizeLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        if (request.getLength() > maxBytes) {
            request.abortWith(tooLarge());
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            request.abortWith(tooLarge());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private Response tooLarge() {
        int status = Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, "request body is larger than " + maxBytes + " bytes (api.maxBodySize)"))
                .build();
    }
}
