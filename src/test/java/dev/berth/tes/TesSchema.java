package dev.berth.tes;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URL;
import java.net.URLDecoder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The published TES v1.1 OpenAPI description as a check of what Berth's TES endpoints answer: a test
 * hands it a response as the server gave it and fails with every way that response departs from the
 * schema, so that a client written against the spec can read what Berth says. Only responses are
 * checked, not requests.
 *
 * <p>The schema is read from the test classpath ({@code src/test/resources/tes}: the TES file whose
 * reference to GA4GH service-info points at the {@code service-info.yaml} beside it), so the check
 * needs no network and no file outside the repository.
 *
 * <p>Where it departs from a plain reading of the schema, and why:
 * <ul>
 *   <li>A status the schema does not describe passes, and its body is not checked: the schema
 *       describes only 200, and Berth's 4xx errors are not part of it.
 *   <li>In the MINIMAL view, the default one of {@code GET /tasks} and {@code GET /tasks/{id}}, a
 *       task without {@code executors} passes: the spec says that view shows only {@code id} and
 *       {@code state}, although its tesTask schema requires {@code executors}.
 *   <li>It is stricter than the schema in one way, the validator's default: a property the schema
 *       does not name fails (the schema leaves {@code additionalProperties} open), which is how a
 *       misspelt field ({@code creationTime} for {@code creation_time}) shows. The {@code allOf}
 *       parts of service-info are merged first, else each part would refuse the other's properties.
 * </ul>
 */
final class TesSchema {
    /** The schema's server url: the operations' paths are below it. */
    static final String BASE_PATH = "/ga4gh/tes/v1";

    private static final String SCHEMA = "/tes/task_execution_service.local.openapi.yaml";
    private static final String STATUS_UNKNOWN = "validation.response.status.unknown";
    private static final String REQUIRED = "validation.response.body.schema.required";
    /** The one message a task without executors gives: at the top of GET /tasks/{id}, or in a list. */
    private static final Pattern NO_EXECUTORS =
            Pattern.compile("(\\[Path '/tasks/\\d+'] )?Object has missing required properties \\(\\[\"executors\"]\\)");

    private final OpenApiInteractionValidator validator;

    private TesSchema(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** Reads the schema from the test classpath; fails if it, or the service-info.yaml it refers to, cannot be read. */
    static TesSchema load() {
        URL schema = TesSchema.class.getResource(SCHEMA);
        if (schema == null) {
            throw new IllegalStateException(SCHEMA + " is not on the test classpath");
        }
        return new TesSchema(OpenApiInteractionValidator.createForSpecificationUrl(schema.toString())
                .withResolveCombinators(true)
                // A status the schema does not define (it defines only 200) is no failure by itself;
                // every other message stays an error.
                .withLevelResolver(LevelResolver.create()
                        .withLevel(STATUS_UNKNOWN, ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /**
     * Fails, listing every message of the validator, unless the response conforms to the schema.
     *
     * @param method        the request's HTTP method, GET or POST
     * @param pathWithQuery the request's path and query as the server saw them, such as
     *                      {@code /ga4gh/tes/v1/tasks/abc?view=FULL}
     * @param status        the response's status
     * @param contentType   the response's Content-Type
     * @param body          the response's body
     */
    void assertValid(String method, String pathWithQuery, int status, String contentType, String body) {
        String request = method + " " + pathWithQuery;
        int question = pathWithQuery.indexOf('?');
        String path = question < 0 ? pathWithQuery : pathWithQuery.substring(0, question);
        String query = question < 0 ? "" : pathWithQuery.substring(question + 1);
        if (!path.startsWith(BASE_PATH + "/")) {
            throw new AssertionError(request + ": not below the TES base path " + BASE_PATH);
        }
        Request.Method httpMethod = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        ValidationReport report = validator.validateResponse(path, httpMethod,
                SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body).build());

        boolean minimalTask = httpMethod == Request.Method.GET && minimalView(query);
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !(minimalTask && withoutExecutors(message)))
                .toList();
        if (!errors.isEmpty()) {
            StringBuilder failure = new StringBuilder(request + " -> " + status + " does not conform to TES v1.1:");
            errors.forEach(error -> describe(error, "  ", failure));
            throw new AssertionError(failure.append("\n  body: ").append(body));
        }
    }

    /** Whether the query asks for the MINIMAL view, as one without a view does. */
    private static boolean minimalView(String query) {
        return Arrays.stream(query.split("&"))
                .filter(parameter -> parameter.startsWith("view="))
                .map(parameter -> URLDecoder.decode(parameter.substring("view=".length()), UTF_8))
                .allMatch("MINIMAL"::equals);
    }

    private static boolean withoutExecutors(ValidationReport.Message message) {
        return message.getKey().equals(REQUIRED) && NO_EXECUTORS.matcher(message.getMessage()).matches();
    }

    private static void describe(ValidationReport.Message message, String indent, StringBuilder out) {
        out.append('\n').append(indent).append("- ").append(message.getKey()).append(": ").append(message.getMessage());
        message.getNestedMessages().forEach(nested -> describe(nested, indent + "  ", out));
    }
}
