package dev.berth.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code describe job ID}: the job's status, its attempts and their steps, and its events. */
@Command(name = "job", mixinStandardHelpOptions = true, description = "Show a job: status, attempts, steps and events.")
final class DescribeJobCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the job's id")
    String id;

    @Override
    public Integer call() {
        BerthApi api = BerthCli.api(spec);
        String path = "/api/v1/jobs/" + Query.segment(id);
        var job = api.getJson(path);
        var events = api.getJson(path + "/events");
        spec.commandLine().getOut().print(new JobDescription(job, events).render(Instant.now()));
        return ExitCodes.OK;
    }
}
