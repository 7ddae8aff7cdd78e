package dev.berth.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apply -f FILE|-}: submits every manifest of the file, one line per job. A refused manifest
 * does not stop the others (as kubectl apply): its problems are printed and the exit code is 1.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Submit the job manifests of FILE (JSON or YAML, several documents allowed; - for stdin).")
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE", description = "the manifests, or - for stdin")
    String file;

    @Override
    public Integer call() {
        BerthApi api = BerthCli.api(spec);
        PrintWriter out = spec.commandLine().getOut();
        int exit = ExitCodes.OK;
        for (Manifest manifest : ManifestFile.read(file, System.in)) {
            try {
                out.println(Submission.of(api, manifest).line());
                out.flush();
            } catch (ServerRefusal refused) {
                refused.printTo(spec.commandLine().getErr());
                exit = ExitCodes.REFUSED;
            }
        }
        return exit;
    }
}
