package dev.berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code delete ID}: a finished job with its events, attempts and logs; the server refuses a live one (409). */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a finished job.")
final class DeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the job's id")
    String id;

    @Override
    public Integer call() {
        BerthCli.api(spec).delete("/api/v1/jobs/" + Query.segment(id));
        spec.commandLine().getOut().println("job " + id + " deleted");
        return ExitCodes.OK;
    }
}
