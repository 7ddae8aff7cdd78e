package dev.berth.tes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The TES schema check passes what TES v1.1 allows and fails, for the right reason, what it does not. */
class TesSchemaTest {
    private static final TesSchema SCHEMA = TesSchema.load();
    private static final String JSON = "application/json";
    private static final String TASKS = TesSchema.BASE_PATH + "/tasks";
    private static final String SERVICE_INFO = TesSchema.BASE_PATH + "/service-info";
    private static final String ORGANIZATION = """
            "organization": {"name": "Berth", "url": "https://berth.dev"}""";

    @Test
    void aMinimalTaskConforms() {
        SCHEMA.assertValid("GET", TASKS + "/x", 200, JSON, """
                {"id": "x", "state": "QUEUED"}""");
    }

    @Test
    void aStateTesDoesNotDefineFails() {
        assertThat(errorsOf("GET", TASKS + "/x", 200, """
                {"id": "x", "state": "DONE"}"""))
                .singleElement().asString()
                .contains("validation.response.body.schema.enum", "[Path '/state']", "\"DONE\"");
    }

    @Test
    void aFullTaskConformsWithTheFieldsOnlyTheServerSets() {
        SCHEMA.assertValid("GET", TASKS + "/x?view=FULL", 200, JSON, """
                {"id": "x", "state": "COMPLETE", "creation_time": "2020-10-02T10:00:00-05:00",
                 "executors": [{"image": "busybox", "command": ["true"]}],
                 "logs": [{"logs": [{"exit_code": 0}],
                           "outputs": [{"url": "file:///out/a", "path": "/data/a", "size_bytes": "1024"}]}]}""");
    }

    @Test
    void onlyTheMinimalViewMayLeaveOutTheExecutors() {
        SCHEMA.assertValid("GET", TASKS + "?view=MINIMAL", 200, JSON, """
                {"tasks": [{"id": "x", "state": "QUEUED"}, {"id": "y", "state": "RUNNING"}]}""");

        assertThat(errorsOf("GET", TASKS + "/x?view=BASIC", 200, """
                {"id": "x", "state": "QUEUED"}"""))
                .singleElement().asString()
                .contains("validation.response.body.schema.required", "[\"executors\"]");
    }

    @Test
    void aCreateResponseConformsWithAnId() {
        SCHEMA.assertValid("POST", TASKS, 200, JSON, """
                {"id": "x"}""");
    }

    @Test
    void aCreateResponseWithoutAnIdFails() {
        assertThat(errorsOf("POST", TASKS, 200, "{}"))
                .singleElement().asString()
                .contains("validation.response.body.schema.required", "[\"id\"]");
    }

    @Test
    void anOutputSizeAsANumberFails() {
        assertThat(errorsOf("GET", TASKS + "/x?view=FULL", 200, """
                {"id": "x", "state": "COMPLETE", "executors": [{"image": "busybox", "command": ["true"]}],
                 "logs": [{"logs": [{"exit_code": 0}],
                           "outputs": [{"url": "file:///out/a", "path": "/data/a", "size_bytes": 1024}]}]}"""))
                .singleElement().asString()
                .contains("validation.response.body.schema.type", "[Path '/logs/0/outputs/0/size_bytes']",
                        "(integer)", "[\"string\"]");
    }

    @Test
    void aListWithoutTasksFails() {
        assertThat(errorsOf("GET", TASKS, 200, """
                {"next_page_token": "2"}"""))
                .singleElement().asString()
                .contains("validation.response.body.schema.required", "[\"tasks\"]");
    }

    @Test
    void aFullServiceInfoConforms() {
        SCHEMA.assertValid("GET", SERVICE_INFO, 200, JSON, """
                {"id": "dev.berth", "name": "Berth", "version": "0.1.0",
                 "type": {"group": "org.ga4gh", "artifact": "tes", "version": "1.1.0"},
                 %s}""".formatted(ORGANIZATION));
    }

    @Test
    void aServiceInfoWithoutATypeFails() {
        assertThat(errorsOf("GET", SERVICE_INFO, 200, """
                {"id": "dev.berth", "name": "Berth", "version": "0.1.0", %s}""".formatted(ORGANIZATION)))
                .singleElement().asString()
                .contains("validation.response.body.schema.required", "[\"type\"]");
    }

    @Test
    void aServiceInfoOfAnotherArtifactFails() {
        assertThat(errorsOf("GET", SERVICE_INFO, 200, """
                {"id": "dev.berth", "name": "Berth", "version": "0.1.0",
                 "type": {"group": "org.ga4gh", "artifact": "beacon", "version": "1.1.0"},
                 %s}""".formatted(ORGANIZATION)))
                .singleElement().asString()
                .contains("validation.response.body.schema.enum", "[Path '/type/artifact']", "\"beacon\"");
    }

    @Test
    void aCancelResponseConformsOnTheColonPath() {
        SCHEMA.assertValid("POST", TASKS + "/x:cancel", 200, JSON, "{}");
    }

    @Test
    void anErrorStatusTheSchemaDoesNotDefineConforms() {
        SCHEMA.assertValid("GET", TASKS + "/x", 404, JSON, """
                {"code": 404, "message": "no task"}""");
    }

    @Test
    void aFieldTesDoesNotNameFails() {
        assertThat(errorsOf("GET", TASKS + "/x", 200, """
                {"id": "x", "state": "QUEUED", "creationTime": "2020-10-02T10:00:00-05:00"}"""))
                .singleElement().asString()
                .contains("validation.response.body.schema.additionalProperties", "[\"creationTime\"]");
    }

    @Test
    void aPathOutsideTheBasePathFails() {
        var error = catchThrowableOfType(AssertionError.class,
                () -> SCHEMA.assertValid("GET", "/tasks/x", 200, JSON, """
                        {"id": "x", "state": "QUEUED"}"""));

        assertThat(error).hasMessageContaining("not below the TES base path /ga4gh/tes/v1");
    }

    /** The validator's messages on a response that must not conform, one an element. */
    private static List<String> errorsOf(String method, String pathWithQuery, int status, String body) {
        var error = catchThrowableOfType(AssertionError.class,
                () -> SCHEMA.assertValid(method, pathWithQuery, status, JSON, body));

        assertThat(error).as("%s %s answering %s", method, pathWithQuery, body).isNotNull();
        assertThat(error).hasMessageContaining(method + " " + pathWithQuery + " -> " + status);
        return error.getMessage().lines().filter(line -> line.startsWith("  - ")).toList();
    }
}
