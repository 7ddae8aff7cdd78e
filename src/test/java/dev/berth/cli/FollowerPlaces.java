package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.docker.DockerGateway;
import dev.berth.support.BearerToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Takes every log follower's place of a server by following a quiet running job that many times. */
final class FollowerPlaces {
    private FollowerPlaces() {
    }

    /** The open streams; each holds a place until it is closed and the job next writes or ends. */
    static List<InputStream> takeAll(String server, Path tokenFile, String quietJob) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest follow = follow(server, tokenFile, quietJob);
        List<CompletableFuture<HttpResponse<InputStream>>> answers = new ArrayList<>();
        for (int i = 0; i < DockerGateway.MAX_LOG_FOLLOWERS; i++) {
            answers.add(http.sendAsync(follow, HttpResponse.BodyHandlers.ofInputStream()));
        }
        List<InputStream> streams = new ArrayList<>();
        for (var answer : answers) {
            HttpResponse<InputStream> response = answer.join();
            assertThat(response.statusCode()).as("a follower's place").isEqualTo(200);
            streams.add(response.body());
        }
        return streams;
    }

    /**
     * Waits until the server has let the places go: its followers end a second after the job's
     * attempt has, and until then another test's follow would be refused.
     */
    static void awaitFree(String server, Path tokenFile, String endedJob) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest follow = follow(server, tokenFile, endedJob);
        long guard = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (http.send(follow, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                assertThat(System.nanoTime()).as("the follower places are free again").isLessThan(guard);
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static HttpRequest follow(String server, Path tokenFile, String job) {
        return HttpRequest.newBuilder(URI.create(server + "/api/v1/jobs/" + job + "/logs?follow=true"))
                .header("Authorization", "Bearer " + new BearerToken(tokenFile).token()).build();
    }

    static void release(List<InputStream> streams) {
        for (InputStream stream : streams) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
