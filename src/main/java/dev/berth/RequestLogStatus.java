package dev.berth;

import ch.qos.logback.access.jetty.RequestLogImpl;
import ch.qos.logback.core.util.StatusPrinter;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Dropwizard's request log is logback-access's, which prints logback's status lines ("Found
 * logback-core version …") on standard output at every start unless it is quiet. It is made quiet
 * before the server starts it, and its status is printed after the start only when it holds a
 * warning or an error, so that a real problem (versions that differ, say) still shows.
 */
final class RequestLogStatus implements LifeCycle.Listener {

    @Override
    public void lifeCycleStarting(LifeCycle event) {
        requestLog(event).ifPresent(log -> log.setQuiet(true));
    }

    @Override
    public void lifeCycleStarted(LifeCycle event) {
        requestLog(event).ifPresent(StatusPrinter::printInCaseOfErrorsOrWarnings);
    }

    /** A server that failed to start may have failed on the request log: its status tells why. */
    @Override
    public void lifeCycleFailure(LifeCycle event, Throwable cause) {
        requestLog(event).ifPresent(StatusPrinter::printInCaseOfErrorsOrWarnings);
    }

    private static Optional<RequestLogImpl> requestLog(LifeCycle event) {
        return event instanceof Server server && server.getRequestLog() instanceof RequestLogImpl log
                ? Optional.of(log) : Optional.empty();
    }
}
