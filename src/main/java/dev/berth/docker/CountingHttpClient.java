package dev.berth.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;

/**
 * The engine's HTTP client, counting each request in {@link EngineCalls} before it goes out.
 * Public for the benchmark, whose baseline counts its calls the same way.
 */
public final class CountingHttpClient implements DockerHttpClient {
    private final DockerHttpClient http;
    private final EngineCalls calls;

    public CountingHttpClient(DockerHttpClient http, EngineCalls calls) {
        this.http = http;
        this.calls = calls;
    }

    @Override
    public Response execute(Request request) {
        calls.count(request.method(), request.path());
        return http.execute(request);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
