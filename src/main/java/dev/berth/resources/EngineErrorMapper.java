package dev.berth.resources;

import dev.berth.docker.EngineUnavailableException;
import dev.berth.docker.GatewayException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A request that needs the engine (importing an image's commands, say) while it does not answer is
 * 503, and one it refuses is 502, each with the engine's reason: the fault is not Berth's, so never 500.
 */
public final class EngineErrorMapper implements ExceptionMapper<GatewayException> {
    @Override
    public Response toResponse(GatewayException e) {
        if (e instanceof EngineUnavailableException) {
            return ManifestErrorMappers.error(503, "the Docker engine does not answer: " + e.getMessage());
        }
        return ManifestErrorMappers.error(502, "the Docker engine answered with an error: " + e.getMessage());
    }
}
