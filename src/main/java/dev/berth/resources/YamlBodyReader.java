package dev.berth.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads YAML request bodies with the same rules as JSON ones (unknown fields, duplicate keys and
 * type coercion refused): the mapper is a YAML copy of the application's JSON mapper, whose parser
 * features (duplicate detection among them) a new factory does not inherit, so they are set again.
 * Anchors and aliases are refused: Jackson does not expand an alias but reads it as its anchor's
 * name, so {@code image: *img} would become the image "img" (and an alias to no anchor would pass).
 */
@Provider
@Consumes({YamlBodyReader.APPLICATION_YAML, YamlBodyReader.TEXT_YAML, YamlBodyReader.APPLICATION_X_YAML})
public class YamlBodyReader implements MessageBodyReader<Object> {
    public static final String APPLICATION_YAML = "application/yaml";
    public static final String TEXT_YAML = "text/yaml";
    public static final String APPLICATION_X_YAML = "application/x-yaml";

    private final ObjectMapper yaml;

    public YamlBodyReader(ObjectMapper json) {
        YAMLFactory factory = new YAMLFactory();
        factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        this.yaml = json.copyWith(factory);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType.getSubtype().endsWith("yaml");
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        // The body is bounded by BodySizeLimit before it gets here: read twice, it is read from memory.
        byte[] body = entityStream.readAllBytes();
        refuseAnchorsAndAliases(body);
        return yaml.readValue(body, yaml.constructType(genericType));
    }

    private void refuseAnchorsAndAliases(byte[] body) throws IOException {
        try (YAMLParser parser = (YAMLParser) yaml.getFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias() || parser.getObjectId() != null) {
                    throw new BadRequestException("YAML anchors and aliases (&name, *name) are not supported in a"
                            + " request body: write the value out (at line " + parser.currentLocation().getLineNr()
                            + ")");
                }
            }
        } catch (JsonProcessingException malformed) {
            // Left for the real read, which says what is wrong in the mappers' words.
        }
    }
}
