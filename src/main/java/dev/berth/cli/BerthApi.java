package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Berth's REST API over HTTP: every request carries the token as a Bearer header (never in the
 * URL, which the server refuses), every error answer becomes a {@link ServerRefusal}, every failure
 * to connect an {@link Unreachable} line.
 */
final class BerthApi {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough for a page of 1,000 jobs; a followed log has none (it lasts as long as its attempt). */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);

    private final URI server;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    BerthApi(URI server, Optional<String> token) {
        this.server = server;
        this.token = token;
    }

    JsonNode getJson(String path) {
        return send(request(path).GET(), "the request").json();
    }

    Answer get(String path) {
        return send(request(path).GET(), "the request");
    }

    /** {@code what} names the body in the 422 line: "the server refused job manifest x.yaml (422)". */
    Answer post(String path, String body, String contentType, String what) {
        return send(request(path).header("Content-Type", contentType).POST(publish(body)), what);
    }

    Answer post(String path) {
        return send(request(path).POST(BodyPublishers.noBody()), "the request");
    }

    Answer put(String path, String body, String contentType, String what) {
        return send(request(path).header("Content-Type", contentType).PUT(publish(body)), what);
    }

    Answer delete(String path) {
        return send(request(path).DELETE(), "the request");
    }

    /** The body as it arrives, for a followed log: the caller reads it to its end and closes it. */
    InputStream stream(String path) {
        HttpResponse<InputStream> response = exchange(request(path).GET().build(), BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw ServerRefusal.of(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8),
                        "the request");
            } catch (IOException e) {
                throw Unreachable.at(server, e);
            }
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        // Appended rather than resolved, so that a server behind a path prefix keeps it.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path));
        token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
        return builder;
    }

    private Answer send(HttpRequest.Builder builder, String what) {
        HttpResponse<String> response = exchange(builder.timeout(ANSWER_TIMEOUT).build(),
                BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 400) {
            throw ServerRefusal.of(response.statusCode(), response.body(), what);
        }
        return new Answer(response.statusCode(), response.body());
    }

    /** The answer, whatever its status; a server that cannot be reached is an {@link Unreachable} line. */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw Unreachable.at(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.REFUSED, "interrupted");
        }
    }

    private static BodyPublisher publish(String body) {
        return BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }
}
