package dev.berth.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to a running Berth as a given token, and tokens made for them by the admin's client. */
public final class TokenCalls {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Client admin;
    private final String base;

    /** {@code admin}: a client that sends the admin token (the application's, see {@link BerthTestApp}). */
    public TokenCalls(Client admin, int port) {
        this.admin = admin;
        this.base = "http://127.0.0.1:" + port + "/api/v1";
    }

    /** A new token of that name and role; returns the token. */
    public String create(String name, String role) {
        try (Response response = admin.target(base + "/tokens").request()
                .post(Entity.json("{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}"))) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(201);
            return JobsApi.read(body).path("token").asText();
        }
    }

    /**
     * POSTs JSON as the token, with the JDK's client, which takes a 429 as the answer: the
     * application's (Apache's) would wait out Retry-After and ask again by itself.
     */
    public HttpResponse<String> post(String token, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: POST " + path, e);
        }
    }
}
