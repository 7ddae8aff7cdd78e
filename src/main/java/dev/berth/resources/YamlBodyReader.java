package dev.berth.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * Reads YAML request bodies with the same rules as JSON ones (unknown fields refused, no type
 * coercion): the mapper is a YAML copy of the application's JSON mapper.
 */
@Provider
@Consumes({YamlBodyReader.APPLICATION_YAML, YamlBodyReader.TEXT_YAML, YamlBodyReader.APPLICATION_X_YAML})
public class YamlBodyReader implements MessageBodyReader<Object> {
    public static final String APPLICATION_YAML = "application/yaml";
    public static final String TEXT_YAML = "text/yaml";
    public static final String APPLICATION_X_YAML = "application/x-yaml";

    private final ObjectMapper yaml;

    public YamlBodyReader(ObjectMapper json) {
        this.yaml = json.copyWith(new YAMLFactory());
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType.getSubtype().endsWith("yaml");
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return yaml.readValue(entityStream, yaml.constructType(genericType));
    }
}
