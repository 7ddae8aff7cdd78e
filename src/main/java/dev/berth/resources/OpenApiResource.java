package dev.berth.resources;

import static dev.berth.resources.Roles.SUBMITTER;
import static dev.berth.resources.Roles.VIEWER;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Berth's own API (/api/v1) as OpenAPI 3, read once at start from the resources' JAX-RS and
 * {@code @ApiResponse} annotations: paths, parameters, bodies and the answers of each. Every
 * operation also answers 401 without a valid token and 403 to a role it does not allow (one rule
 * for all, as docs/api.md says). The TES endpoints have their own, published, schema.
 */
@Path("/api/v1")
public class OpenApiResource {
    /** The resources the description is read from. */
    public static final List<Class<?>> RESOURCES = List.of(JobsResource.class, CommandsResource.class, QueuesResource.class,
            NodesResource.class, InfoResource.class, TokensResource.class, AuditResource.class, OpenApiResource.class);
    private static final String BEARER = "bearer";

    private final String json;
    private final String yaml;

    public OpenApiResource(String version) {
        OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(new OpenAPI()
                .info(new Info().title("Berth").version(version)
                        .description("A declarative job runner for Docker: see docs/api.md"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API token (berth_...)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))))
                .read(new LinkedHashSet<Class<?>>(RESOURCES));
        describeAnswers(api);
        addRefusals(api);
        this.json = Json.pretty(api);
        this.yaml = Yaml.pretty(api);
    }

    @GET
    @Path("openapi.json")
    @Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    @RolesAllowed({VIEWER, SUBMITTER})
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "OK: this description")
    public String json() {
        return json;
    }

    @GET
    @Path("openapi.yaml")
    @Produces(YamlBodyReader.APPLICATION_YAML)
    @RolesAllowed({VIEWER, SUBMITTER})
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "OK: this description")
    public String yaml() {
        return yaml;
    }

    /**
     * A method that returns its body (not a {@code Response}) has it described on its success: the
     * reader leaves a response that an {@code @ApiResponse} names without content.
     */
    private static void describeAnswers(OpenAPI api) {
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                Operation operation = operationOf(api, base, method);
                if (operation == null || method.getReturnType().equals(Response.class)) {
                    continue;
                }
                ResolvedSchema resolved = ModelConverters.getInstance()
                        .resolveAsResolvedSchema(new AnnotatedType(method.getGenericReturnType()).resolveAsRef(true));
                resolved.referencedSchemas.forEach(api.getComponents()::addSchemas);
                Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                        : resource.getAnnotation(Produces.class);
                String type = produces.value()[0].split(";")[0].trim();
                operation.getResponses().forEach((code, response) -> {
                    if (code.startsWith("2") && response.getContent() == null) {
                        response.setContent(new Content().addMediaType(type, new MediaType().schema(resolved.schema)));
                    }
                });
            }
        }
    }

    private static Operation operationOf(OpenAPI api, String base, Method method) {
        Path sub = method.getAnnotation(Path.class);
        PathItem item = api.getPaths().get(base + (sub == null ? "" : "/" + sub.value()));
        if (item == null) {
            return null;
        }
        for (var verb : Map.of(GET.class, PathItem.HttpMethod.GET, POST.class, PathItem.HttpMethod.POST,
                PUT.class, PathItem.HttpMethod.PUT, PATCH.class, PathItem.HttpMethod.PATCH, DELETE.class,
                PathItem.HttpMethod.DELETE).entrySet()) {
            if (method.isAnnotationPresent(verb.getKey())) {
                return item.readOperationsMap().get(verb.getValue());
            }
        }
        return null;
    }

    private static void addRefusals(OpenAPI api) {
        Schema<?> error = new Schema<>().type("object").addProperty("code", new Schema<>().type("integer"))
                .addProperty("message", new Schema<>().type("string"));
        Content body = new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                new MediaType().schema(error));
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            for (String code : Set.of("401", "403")) {
                if (!operation.getResponses().containsKey(code)) {
                    operation.getResponses().addApiResponse(code, new ApiResponse().content(body).description(
                            code.equals("401") ? "Unauthorized: no valid token" : "Forbidden: the token's role may not"));
                }
            }
        }));
    }
}
