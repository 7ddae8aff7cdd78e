package dev.berth.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.time.Duration;

/**
 * The engine's HTTP client, counting each request in {@link EngineCalls} before it goes out, and
 * timing it until its answer came.
 * Public for the benchmark, whose baseline counts its calls the same way.
 */
public final class CountingHttpClient implements DockerHttpClient {
    private final DockerHttpClient http;
    private final EngineCalls calls;

    public CountingHttpClient(DockerHttpClient http, EngineCalls calls) {
        this.http = http;
        this.calls = calls;
    }

    /** The time until the answer's head: a streamed body (logs, events) is the caller's to read. */
    @Override
    public Response execute(Request request) {
        String kind = calls.count(request.method(), request.path());
        long start = System.nanoTime();
        boolean failed = true;
        try {
            Response response = http.execute(request);
            failed = response.getStatusCode() >= 400;
            return response;
        } finally {
            calls.answered(kind, Duration.ofNanos(System.nanoTime() - start), failed);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
