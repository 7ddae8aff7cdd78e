package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code queues [pause|resume NAME]}: the queues with their limits and counts; pausing stops a queue's launches. */
@Command(name = "queues", mixinStandardHelpOptions = true, description = "List the queues, or pause or resume one.")
final class QueuesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        output.print(spec.commandLine().getOut(), BerthCli.api(spec).getJson("/api/v1/queues"), QueuesCommand::table);
        return ExitCodes.OK;
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop launching the queue's jobs (its running jobs go on).")
    int pause(@Parameters(paramLabel = "NAME") String name) {
        return change(name, "pause", "paused");
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Launch the queue's jobs again.")
    int resume(@Parameters(paramLabel = "NAME") String name) {
        return change(name, "resume", "resumed");
    }

    static Table table(JsonNode queues) {
        Table table = new Table("NAME", "MAX", "PAUSED", "PENDING", "RUNNING");
        queues.forEach(queue -> table.row(Fields.text(queue, "name"), Fields.text(queue, "maxRunning"),
                Fields.text(queue, "paused"), Fields.text(queue, "pending"), Fields.text(queue, "running")));
        return table;
    }

    private int change(String name, String action, String done) {
        BerthCli.api(spec).post("/api/v1/queues/" + Query.segment(name) + "/" + action);
        spec.commandLine().getOut().println("queue " + name + " " + done);
        return ExitCodes.OK;
    }
}
