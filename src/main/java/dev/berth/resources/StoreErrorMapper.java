package dev.berth.resources;

import dev.berth.db.StoreFailures;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jdbi.v3.core.JdbiException;

/**
 * A request that needs the database while it cannot be reached is 503 with a message, never a 500
 * with a stack trace; any other failure of the store stays a logged 500.
 */
public final class StoreErrorMapper implements ExceptionMapper<JdbiException> {
    private final LoggingExceptionMapper<JdbiException> otherwise = new LoggingExceptionMapper<>() { };

    @Override
    public Response toResponse(JdbiException e) {
        if (StoreFailures.unreachable(e)) {
            // A connection lost during a commit leaves its outcome unknown: say so rather than "nothing stored".
            return ManifestErrorMappers.error(503, "the database cannot be reached: retry later. If the connection"
                    + " went while a change committed, it may be stored; a job with a name is stored once, however"
                    + " often it is sent");
        }
        return otherwise.toResponse(e);
    }
}
