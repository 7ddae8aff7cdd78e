package dev.berth;

import static dev.berth.fuzz.Texts.shorten;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.JobManifest;
import dev.berth.api.ManifestLimits;
import dev.berth.api.ManifestValidator;
import dev.berth.fuzz.BaseManifest;
import dev.berth.fuzz.ForgedHeaders;
import dev.berth.fuzz.Forgery;
import dev.berth.fuzz.MalformedManifests;
import dev.berth.fuzz.ManifestBody;
import dev.berth.support.BearerToken;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded fuzz test of the two ways into a submission: the body and the Authorization header.
 *
 * <p>Every manifest of the first part is a mutation of a valid manifest that is invalid <em>by
 * construction</em> ({@link MalformedManifests}: each kind of mutation says why no body it makes can be
 * a manifest Berth should take). So every answer must be a 4xx, and nothing may be stored. Every header
 * of the second part ({@link ForgedHeaders}) is missing, malformed or forged, and is sent with a valid
 * manifest: every answer must be a 401, or the connector's 400 or 431 for a header it refuses to parse.
 *
 * <p>The seed is printed; {@code -Dberth.fuzzSeed=N} replays a run. Launching is off, so that even a
 * manifest that slipped through would never reach the engine; the submission rate limit is off, since
 * it is judged before the rules and would otherwise answer most valid-looking bodies with a 429.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthFuzzTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final long SEED = Long.getLong("berth.fuzzSeed", 20_261_201L);
    private static final int MANIFESTS = 1200;
    private static final int HEADERS_SENT_AT_LEAST = 200;
    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final ObjectMapper JSON_READER = new ObjectMapper();
    private static final BaseManifest BASE = new BaseManifest(TestEngine.IMAGE);
    private static final String VALID_JSON = BASE.asJson();

    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("reconciler.launch", "false"),
            ConfigOverride.config("quotas.submissionsPerSecond", "0"));

    /** A client of its own: the application's adds the admin token to every request that carries none. */
    private static Client plain;

    @BeforeAll
    static void announceSeedAndOpenClient() {
        System.out.println("AuthFuzzTest seed " + SEED + " (replay with -Dberth.fuzzSeed=" + SEED + ")");
        plain = ClientBuilder.newClient()
                .property(ClientProperties.CONNECT_TIMEOUT, 10_000)
                .property(ClientProperties.READ_TIMEOUT, 30_000);
    }

    @AfterAll
    static void cleanUp() {
        plain.close();
        TestEngine.removeAllOf(INSTANCE);
    }

    /** The manifest every mutation starts from, and the body of every forged request, is one Berth takes. */
    @Test
    void theBaseManifestIsValid() {
        var validator = new ManifestValidator(ManifestLimits.defaults(List.of()));

        assertThatCode(() -> validator.toSpec(APP.getObjectMapper().readValue(VALID_JSON, JobManifest.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void malformedManifestsGetA4xxAndNothingIsStored() {
        Map<String, String> before = storedJobs();
        var manifests = new MalformedManifests(new Random(SEED), BASE);
        var tally = new Tally();
        for (int i = 0; i < MANIFESTS; i++) {
            ManifestBody body = manifests.next(i);
            String input = "#" + i + " " + body;
            try (Response response = submit(body)) {
                int status = response.getStatus();
                tally.count(body.kind(), status);
                if (status < 400 || status >= 500) {
                    tally.fail(input + "\n    -> " + status + " " + shorten(response.readEntity(String.class)));
                }
            } catch (ProcessingException e) {
                tally.count(body.kind(), 0);
                tally.fail(input + "\n    -> no answer: " + e);
            }
        }
        System.out.println("malformed manifests, status by kind (seed " + SEED + "):\n" + tally);

        var soft = new SoftAssertions();
        soft.assertThat(tally.failures()).as("seed %d: manifests not answered with a 4xx", SEED).isEmpty();
        soft.assertThat(jobsStoredSince(before)).as("seed %d: jobs stored from malformed manifests", SEED).isEmpty();
        soft.assertAll();
    }

    @Test
    void forgedAuthorizationHeadersGet401AndNothingIsStored() {
        Map<String, String> before = storedJobs();
        String admin = new BearerToken(BerthTestApp.tokenFile(INSTANCE)).token();
        assertThat(status(List.of("Bearer " + admin), false)).as("the genuine header, by the same client")
                .isEqualTo(200);
        var forgeries = new ForgedHeaders(new Random(SEED ^ 0x5DEECE66DL), admin, revokedToken()).all();
        var tally = new Tally();
        List<String> unsent = new ArrayList<>();
        int sent = 0;
        for (Forgery forgery : forgeries) {
            sent += sendRecording(forgery, true, tally, unsent) + sendRecording(forgery, false, tally, unsent);
        }
        System.out.println("forged Authorization headers, status by kind (seed " + SEED + "): " + sent
                + " answered, " + unsent.size() + " not sent\n" + tally + "\nnot sent:\n  "
                + String.join("\n  ", unsent));

        var soft = new SoftAssertions();
        soft.assertThat(sent).as("requests with forged headers that were sent and answered")
                .isGreaterThanOrEqualTo(HEADERS_SENT_AT_LEAST);
        soft.assertThat(tally.failures()).as("seed %d: forged headers not refused", SEED).isEmpty();
        soft.assertThat(jobsStoredSince(before)).as("seed %d: jobs stored by forged headers", SEED).isEmpty();
        soft.assertAll();
    }

    /** Sends one forgery (POST or GET) and records the answer; 1 if it was sent and answered, else 0. */
    private static int sendRecording(Forgery forgery, boolean post, Tally tally, List<String> unsent) {
        String input = (post ? "POST" : "GET") + " /jobs with " + forgery;
        try (Response response = send(forgery.values(), post)) {
            tally.count(forgery.kind(), response.getStatus());
            checkRefusal(response, input, tally);
            return 1;
        } catch (ProcessingException e) {
            if (refusedByClient(e)) {
                unsent.add("refused by the client: " + input);
            } else if (post && cutOffWhileWriting(e)) {
                unsent.add("cut off by the server while the body was written: " + input);
            } else {
                tally.fail(input + "\n    -> no answer: " + e);
            }
            return 0;
        }
    }

    /** A 401 from Berth (with its JSON body), or the connector's refusal of a header it cannot parse. */
    private static void checkRefusal(Response response, String input, Tally tally) {
        int status = response.getStatus();
        String text = response.readEntity(String.class);
        if (status == 401) {
            JsonNode error = readOrNull(text);
            if (error == null || error.path("code").asInt() != 401 || error.path("message").asText().isEmpty()) {
                tally.fail(input + "\n    -> 401 without Berth's {code, message}: " + shorten(text));
            }
        } else if (status != 400 && status != 431) {
            tally.fail(input + "\n    -> " + status + " " + shorten(text));
        }
    }

    /** The client threw before sending: it will not put such a value in a header line (a bare LF, say). */
    private static boolean refusedByClient(ProcessingException e) {
        return causes(e).anyMatch(IllegalArgumentException.class::isInstance);
    }

    /**
     * The connector answers a header over its limit (431) as soon as it has read that much, and closes
     * the connection: a POST whose body is still being written then fails on the client's side. Its GET
     * twin, which has no body, shows the answer.
     */
    private static boolean cutOffWhileWriting(ProcessingException e) {
        return causes(e).anyMatch(c -> c instanceof IOException && String.valueOf(c.getMessage())
                .contains("Error writing to server"));
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause);
    }

    private static Response submit(ManifestBody body) {
        return APP.client().target(base() + "/jobs").request(JSON).post(Entity.entity(body.bytes(), body.mediaType()));
    }

    /** POST of the valid manifest, or GET of the list, with these Authorization values (none: no header). */
    private static Response send(List<String> authorization, boolean post) {
        Invocation.Builder request = plain.target(base() + "/jobs").request(JSON);
        for (String value : authorization) {
            request = request.header(HttpHeaders.AUTHORIZATION, value);
        }
        return post ? request.post(Entity.entity(VALID_JSON, JSON)) : request.get();
    }

    private static int status(List<String> authorization, boolean post) {
        try (Response response = send(authorization, post)) {
            return response.getStatus();
        }
    }

    /** A token that was real and is revoked: it names a row, but no live one. */
    private static String revokedToken() {
        String token;
        try (Response created = APP.client().target(base() + "/tokens").request(JSON)
                .post(Entity.json("{\"name\": \"fuzz-revoked\", \"role\": \"admin\"}"))) {
            String text = created.readEntity(String.class);
            assertThat(created.getStatus()).as(text).isEqualTo(201);
            token = JobsApi.read(text).path("token").asText();
        }
        try (Response revoked = APP.client().target(base() + "/tokens/fuzz-revoked").request().delete()) {
            assertThat(revoked.getStatus()).isEqualTo(204);
        }
        return token;
    }

    /** Every stored job by id (at most 1000: the test stores none), as the list shows it. */
    private static Map<String, String> storedJobs() {
        var items = new JobsApi(APP.client(), APP.getLocalPort()).getJson("/jobs?limit=1000").path("items");
        Map<String, String> jobs = new TreeMap<>();
        items.forEach(job -> jobs.put(job.path("id").asText(), job.path("spec").toString()));
        return jobs;
    }

    /**
     * The jobs stored since {@code before}: none is stored on purpose, but the two parts share one store,
     * and a job let in by one part must not be blamed on the other.
     */
    private static List<String> jobsStoredSince(Map<String, String> before) {
        return storedJobs().entrySet().stream().filter(e -> !before.containsKey(e.getKey()))
                .map(e -> e.getKey() + " " + shorten(e.getValue())).toList();
    }

    private static String base() {
        return "http://127.0.0.1:" + APP.getLocalPort() + "/api/v1";
    }

    private static JsonNode readOrNull(String text) {
        try {
            return JSON_READER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The statuses seen by kind of input (printed), and every answer that broke the rule (asserted). */
    private static final class Tally {
        private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();

        void count(String kind, int status) {
            statuses.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }

        void fail(String line) {
            failures.add(line);
        }

        List<String> failures() {
            return failures;
        }

        @Override
        public String toString() {
            return statuses.entrySet().stream().map(e -> String.format("  %-28s %s", e.getKey(), e.getValue()))
                    .collect(Collectors.joining("\n"));
        }
    }
}
