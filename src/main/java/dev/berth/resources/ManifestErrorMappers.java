package dev.berth.resources;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.berth.api.InvalidRequestException;
import dev.berth.api.ValidationErrors;
import dev.berth.jobs.JobStateConflictException;
import dev.berth.jobs.NameConflictException;
import dev.berth.jobs.TooManyRequestsException;
import dev.berth.db.TokenNameTakenException;
import dev.berth.tes.InvalidTaskException;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what can go wrong with a submitted body to a 4xx that names the problem, in Dropwizard's
 * error bodies. Jackson's exceptions are mapped by their specific types so that these mappers win
 * over Dropwizard's generic "Unable to process JSON".
 */
public final class ManifestErrorMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ManifestErrorMappers.class);

    private ManifestErrorMappers() {
    }

    public static List<Object> all() {
        return List.of(new Invalid(), new NameConflict(), new StateConflict(), new Unreadable(), new Malformed(),
                new EngineErrorMapper(), new StoreErrorMapper(), new TooMany(), new TokenNameTaken(),
                new InvalidTask());
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, message)).build();
    }

    /** Well-formed, but breaks the rules: 422 with every problem. */
    public static final class Invalid implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ValidationErrors(e.errors())).build();
        }
    }

    /** A TES task that breaks the rules: 400, as TES clients expect, with every problem in the message. */
    public static final class InvalidTask implements ExceptionMapper<InvalidTaskException> {
        @Override
        public Response toResponse(InvalidTaskException e) {
            return error(400, e.getMessage());
        }
    }

    /** Over a quota or rate: 429, with the seconds to wait in Retry-After. */
    public static final class TooMany implements ExceptionMapper<TooManyRequestsException> {
        @Override
        public Response toResponse(TooManyRequestsException e) {
            return Response.fromResponse(error(429, e.getMessage()))
                    .header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
        }
    }

    public static final class TokenNameTaken implements ExceptionMapper<TokenNameTakenException> {
        @Override
        public Response toResponse(TokenNameTakenException e) {
            return error(409, e.getMessage());
        }
    }

    public static final class NameConflict implements ExceptionMapper<NameConflictException> {
        @Override
        public Response toResponse(NameConflictException e) {
            return error(409, e.getMessage());
        }
    }

    public static final class StateConflict implements ExceptionMapper<JobStateConflictException> {
        @Override
        public Response toResponse(JobStateConflictException e) {
            return error(409, e.getMessage());
        }
    }

    /** Parsed, but not as a manifest: a wrong type, an unknown field. */
    public static final class Unreadable implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            if (e instanceof InvalidDefinitionException) {
                LOG.error("a body type cannot be read: this is a bug", e);
                return error(500, "the server cannot read this kind of body");
            }
            return error(400, describe(e));
        }
    }

    /** Not JSON (or YAML) at all. */
    public static final class Malformed implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return error(400, "malformed body: " + e.getOriginalMessage() + at(e));
        }
    }

    static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + path + "\"; the fields of " + unknown.getReferringClass().getSimpleName()
                    + " are " + new java.util.TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList());
        }
        String problem = e.getOriginalMessage().lines().findFirst().orElse("invalid value");
        return (path.isEmpty() ? "" : path + ": ") + problem.replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1") + at(e);
    }

    private static String at(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
