package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cancel ID}: a waiting job is cancelled at once; a launched one is stopped by the server's next pass. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a live job.")
final class CancelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the job's id")
    String id;

    @Override
    public Integer call() {
        JsonNode job = BerthCli.api(spec).post("/api/v1/jobs/" + Query.segment(id) + "/cancel").json();
        String phase = Fields.text(job, "status", "phase");
        spec.commandLine().getOut().println("Cancelled".equals(phase) ? "job " + id + " cancelled"
                : "job " + id + " is being cancelled (" + phase + ")");
        return ExitCodes.OK;
    }
}
