package dev.berth.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run -f FILE [--wait]}: submits one job; with --wait, as {@code docker run} does, streams its
 * output to stdout and exits with its exit code, so that a script or a CI step can use a job as a
 * command. Berth's own lines (the job created, the progress line) go to stderr.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Submit one job; with --wait, follow its logs and exit with its exit code.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE", description = "the manifest, or - for stdin")
    String file;

    @Option(names = {"-w", "--wait"}, description = "wait for the job's end, following its logs, and exit with its exit code")
    boolean wait;

    @Option(names = {"-q", "--quiet"}, description = "with --wait: no logs, only the progress line")
    boolean quiet;

    @Override
    public Integer call() {
        List<Manifest> manifests = ManifestFile.read(file, System.in);
        if (manifests.size() != 1) {
            throw new CliFailure(ExitCodes.USAGE, "run submits one job, and " + manifests.get(0).source() + " holds "
                    + manifests.size() + " manifests (submit them with apply)");
        }
        BerthApi api = BerthCli.api(spec);
        Submission submission = Submission.of(api, manifests.get(0));
        if (!wait) {
            spec.commandLine().getOut().println(submission.line());
            return ExitCodes.OK;
        }
        // Before the wait, which may be long: a line on stderr that is printed at once.
        spec.commandLine().getErr().println(submission.line());
        spec.commandLine().getErr().flush();
        Progress progress = Progress.onStderr(spec.commandLine().getErr(), submission.id());
        return new JobWatch(api, submission.id(), progress, spec.commandLine().getErr(), !quiet).awaitExit();
    }
}
