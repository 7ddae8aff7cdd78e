package dev.berth.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits for a freshly started process to serve HTTP, failing early if the process dies instead. */
final class HttpProbe {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpProbe() {
    }

    static void awaitAnswer(Process process, String url, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (!answers(url)) {
            if (!process.isAlive()) {
                throw new AssertionError("pid " + process.pid() + " exited with " + process.exitValue()
                        + " before " + url + " answered (see its log)");
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(url + " did not answer within " + deadline);
            }
            Pause.millis(100);
        }
    }

    private static boolean answers(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            // 401: it serves, and wants a token (the probe has none to give).
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 || status == 401;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
