package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.resources.OpenApiResource;
import dev.berth.support.BerthTestApp;
import dev.berth.support.TestEngine;
import io.dropwizard.auth.Auth;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /api/v1/openapi.json against what the resources do and what docs/api.md says: every resource
 * method is an operation with each of its path, query and header parameters and, exactly when it
 * reads one, a request body; each operation answers the statuses of the reference's endpoint table
 * (and 401 and 403, as every endpoint does); the YAML is the same description.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiContractTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("reconciler.launch", "false"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TABLE_ROW = Pattern.compile(
            "^\\| `(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?]*)(\\?[^`]*)?` \\| .*? \\| .*? \\| ([0-9, ]+) \\|$",
            Pattern.MULTILINE);

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void everyResourceMethodIsAnOperationWithItsParametersAndBody() throws IOException {
        JsonNode paths = description().get("paths");
        List<String> wrong = new ArrayList<>();
        for (Class<?> resource : OpenApiResource.RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = base + (sub == null ? "" : "/" + sub.value());
                JsonNode operation = paths.path(path).path(verb.toLowerCase());
                if (operation.isMissingNode()) {
                    wrong.add(verb + " " + path + " is not described");
                    continue;
                }
                Set<String> described = new TreeSet<>();
                operation.path("parameters").forEach(p -> described.add(p.get("in").asText() + ":" + p.get("name").asText()));
                Set<String> declared = new TreeSet<>();
                boolean readsBody = false;
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(QueryParam.class)) {
                        declared.add("query:" + parameter.getAnnotation(QueryParam.class).value());
                    } else if (parameter.isAnnotationPresent(PathParam.class)) {
                        declared.add("path:" + parameter.getAnnotation(PathParam.class).value());
                    } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
                        declared.add("header:" + parameter.getAnnotation(HeaderParam.class).value());
                    } else if (!parameter.isAnnotationPresent(Auth.class) && !parameter.isAnnotationPresent(Context.class)) {
                        readsBody = true;
                    }
                }
                if (!described.equals(declared)) {
                    wrong.add(verb + " " + path + ": parameters " + described + ", the resource reads " + declared);
                }
                if (readsBody != operation.has("requestBody")) {
                    wrong.add(verb + " " + path + ": request body described " + operation.has("requestBody")
                            + ", read by the resource " + readsBody);
                }
                if (!readsBody && !method.getReturnType().equals(Response.class)
                        && operation.path("responses").path(successOf(operation)).path("content").isMissingNode()) {
                    wrong.add(verb + " " + path + ": its answer's body (" + method.getReturnType().getSimpleName()
                            + ") is not described");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachOperationAnswersWhatTheApiReferenceSays() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = TABLE_ROW.matcher(Files.readString(java.nio.file.Path.of("docs", "api.md")));
        while (row.find()) {
            Set<String> codes = new TreeSet<>(List.of(row.group(4).replace(" ", "").split(",")));
            codes.addAll(Set.of("401", "403")); // every endpoint, as the reference says below its table
            documented.put(row.group(1) + " " + row.group(2), codes);
        }
        Map<String, Set<String>> described = new TreeMap<>();
        description().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            Set<String> codes = new TreeSet<>();
            op.getValue().get("responses").fieldNames().forEachRemaining(codes::add);
            described.put(op.getKey().toUpperCase() + " " + path.getKey(), codes);
        }));

        assertThat(described).isEqualTo(documented);
    }

    @Test
    void theYamlIsTheSameDescription() throws IOException {
        String yaml = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/openapi.yaml")
                .request("application/yaml").get(String.class);

        assertThat(new ObjectMapper(new YAMLFactory()).readTree(yaml)).isEqualTo(description());
        assertThat(description().get("openapi").asText()).startsWith("3.");
        assertThat(description().at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    private static String successOf(JsonNode operation) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(codes::add);
        return codes.stream().filter(code -> code.startsWith("2")).findFirst().orElse("default");
    }

    private static JsonNode description() throws IOException {
        String json = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/openapi.json")
                .request("application/json").get(String.class);
        return JSON.readTree(json);
    }

    private static String verb(Method method) {
        for (var annotation : List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
            if (method.isAnnotationPresent(annotation)) {
                return annotation.getSimpleName();
            }
        }
        return null;
    }
}
