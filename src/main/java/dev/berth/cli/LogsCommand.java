package dev.berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logs [-f] ID}: the latest attempt's output, each step's stdout then its stderr; with -f, the
 * running attempt's output as it is written, until the attempt ends (with --step, that step's until
 * it ends). The server refuses -f with --attempt or --stream (a followed log carries both streams
 * as written), and says so.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a job's logs.")
final class LogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--follow"}, description = "stream the running attempt's output until it ends")
    boolean follow;

    @Option(names = "--step", paramLabel = "NAME", description = "only this step")
    String step;

    @Option(names = "--attempt", paramLabel = "N", description = "this attempt (default: the latest)")
    Integer attempt;

    @Option(names = "--stream", paramLabel = "STREAM", description = "stdout or stderr (default: both)")
    String stream;

    @Option(names = "--tail", paramLabel = "N", description = "only the last N lines")
    Integer tail;

    @Parameters(paramLabel = "ID", description = "the job's id")
    String id;

    @Override
    public Integer call() {
        BerthApi api = BerthCli.api(spec);
        String path = new Query("/api/v1/jobs/" + Query.segment(id) + "/logs").with("follow", follow ? "true" : null)
                .with("step", step).with("attempt", attempt).with("stream", stream).with("tail", tail).toString();
        if (follow) {
            LogStream.copy(api.stream(path), System.out);
        } else {
            spec.commandLine().getOut().print(api.get(path).body());
        }
        return ExitCodes.OK;
    }
}
