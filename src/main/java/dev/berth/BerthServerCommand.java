package dev.berth;

import dev.berth.core.RefusedStartException;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * Dropwizard's {@code server} command, except that a start Berth refuses on purpose (a store another
 * process holds, say) is told in its message alone: a stack trace would bury what to do.
 */
final class BerthServerCommand extends ServerCommand<BerthConfiguration> {
    BerthServerCommand(Application<BerthConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedStartException refused) {
                cli.getStdErr().println("Berth did not start: " + refused.getMessage());
                cli.getStdErr().flush();
                return;
            }
        }
        super.onError(cli, namespace, e);
    }
}
