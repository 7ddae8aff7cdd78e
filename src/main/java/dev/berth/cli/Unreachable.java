package dev.berth.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** The one line that says why no answer came from the server, from what the HTTP client threw. */
final class Unreachable {
    private Unreachable() {
    }

    static CliFailure at(URI server, IOException failure) {
        return new CliFailure(ExitCodes.UNREACHABLE, "cannot reach the Berth server at " + server + " ("
                + why(failure) + ")");
    }

    private static String why(IOException failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "no answer to the connection within " + BerthApi.CONNECT_TIMEOUT.toSeconds() + " s";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (cause instanceof SSLException) {
                return "TLS: " + cause.getMessage();
            }
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
