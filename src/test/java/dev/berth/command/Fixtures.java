package dev.berth.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.resources.StrictJson;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Command definitions read with the application's own strict mapper, as the API will read them. */
final class Fixtures {
    static final ObjectMapper MAPPER = strictMapper();

    private Fixtures() {
    }

    static CommandDefinition load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/commands/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return MAPPER.readValue(in, CommandDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CommandDefinition parse(String json) {
        try {
            return MAPPER.readValue(json, CommandDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = Jackson.newObjectMapper();
        StrictJson.apply(mapper);
        return mapper;
    }
}
