package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.HostConfig;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The site's policy: each rule refuses what breaks it with a 422 naming the rule, storing nothing,
 * and what the engine enforces is set on the container of a job that passes (read back from the
 * real engine).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SitePolicyTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final String IMAGE = TestEngine.IMAGE;
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.autoCleanup", "false"),
            ConfigOverride.config("policy.allowedImages", "berth-test-*"),
            ConfigOverride.config("policy.maxCpus", "1"),
            ConfigOverride.config("policy.maxMemoryMb", "256"),
            ConfigOverride.config("policy.defaultMemoryMb", "64"),
            ConfigOverride.config("policy.allowRootUser", "false"),
            ConfigOverride.config("policy.allowGpus", "false"),
            ConfigOverride.config("policy.pidsLimit", "128"));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    static Stream<Arguments> refused() {
        String user = ", \"user\": \"1000:1000\"";
        return Stream.of(
                Arguments.of("an image no pattern allows", "{\"image\": \"other/image:1\"" + user + "}",
                        "image: other/image:1 is not allowed by policy.allowedImages [berth-test-*]"),
                Arguments.of("more CPUs than the most", "{\"image\": \"" + IMAGE + "\"" + user
                        + ", \"resources\": {\"cpus\": 2}}", "resources.cpus: 2.0 is above policy.maxCpus 1.0"),
                Arguments.of("more memory than the most", "{\"image\": \"" + IMAGE + "\"" + user
                        + ", \"resources\": {\"memoryMb\": 512}}", "resources.memoryMb: 512 is above policy.maxMemoryMb 256"),
                Arguments.of("root by name", "{\"image\": \"" + IMAGE + "\", \"user\": \"root\"}",
                        "user: policy.allowRootUser is false"),
                Arguments.of("root by id", "{\"image\": \"" + IMAGE + "\", \"user\": \"0:0\"}",
                        "user: policy.allowRootUser is false"),
                Arguments.of("the image's user, which may be root", "{\"image\": \"" + IMAGE + "\"}",
                        "user: policy.allowRootUser is false"),
                Arguments.of("a GPU", "{\"image\": \"" + IMAGE + "\"" + user
                        + ", \"resources\": {\"reservations\": {\"generic\": {\"gpu\": 1}}}}",
                        "policy.allowGpus is false"),
                Arguments.of("a step of several with root", "{\"steps\": [{\"name\": \"a\", \"image\": \"" + IMAGE
                        + "\"" + user + "}, {\"name\": \"b\", \"image\": \"" + IMAGE + "\", \"user\": \"root\"}]}",
                        "steps[b].user: policy.allowRootUser is false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aJobBreakingARuleIsRefusedWithTheRuleNamedAndNothingStored(String what, String manifest, String message) {
        var api = api();
        long before = api.getJson("/jobs?limit=1000").path("items").size();
        try (Response response = api.submit(manifest, MediaType.APPLICATION_JSON)) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(422);
            assertThat(body).contains(message);
        }
        assertThat(api.getJson("/jobs?limit=1000").path("items").size()).isEqualTo(before);
    }

    @Test
    void aJobWithinThePolicyRunsWithNoNewPrivilegesAPidsLimitAndTheDefaultMemory() {
        var api = api();
        String id = api.submitJson("{\"image\": \"" + IMAGE + "\", \"user\": \"1000:1000\", \"command\": [\"id\", \"-u\"]}");
        assertThat(api.awaitTerminal(id, Duration.ofSeconds(60)).at("/status/phase").asText()).isEqualTo("Succeeded");
        assertThat(api.logs(id)).contains("1000");

        var container = TestEngine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("berth.job", id)).exec();
        assertThat(container).hasSize(1);
        HostConfig host = TestEngine.docker().inspectContainerCmd(container.get(0).getId()).exec().getHostConfig();
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(host.getPidsLimit()).isEqualTo(128L);
        assertThat(host.getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getNetworkMode()).isNotEqualTo("host");
        assertThat(host.getPidMode()).isNullOrEmpty();
        assertThat(host.getDevices()).isNullOrEmpty();
    }

    private static JobsApi api() {
        return new JobsApi(APP.client(), APP.getLocalPort());
    }
}
