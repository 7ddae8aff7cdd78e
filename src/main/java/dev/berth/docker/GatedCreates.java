package dev.berth.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * The engine's HTTP client, sending no request that creates an object (a container, a service, a
 * volume, a pulled image) while {@code mayCreate} says no. The reconciler confirms its lease with
 * the database before each launch, but a process paused or starved after that answer and before its
 * create would otherwise create once it wakes, when another process may lead: asked here, as the
 * last thing before the request goes out, the process's own clock has run on and says no. What is
 * left is the time it takes to hand the request to the socket.
 */
final class GatedCreates implements DockerHttpClient {
    private final DockerHttpClient http;
    private final BooleanSupplier mayCreate;

    GatedCreates(DockerHttpClient http, BooleanSupplier mayCreate) {
        this.http = http;
        this.mayCreate = mayCreate;
    }

    @Override
    public Response execute(Request request) {
        boolean creates = EngineCalls.kindOf(request.method(), request.path()).startsWith("create.");
        if (creates && !mayCreate.getAsBoolean()) {
            throw new CreateWithheldException(request.method() + " " + request.path()
                    + " not sent: this process no longer leads the reconciler");
        }
        return http.execute(request);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
