package dev.berth.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * {@code berth}: Berth's command-line client, an HTTP client of the REST API only (it shares the jar
 * with the server, not its code). Errors are one line on stderr, never a stack trace; exit codes are
 * those of {@link ExitCodes}, and a job's own for {@code run --wait}.
 */
@Command(name = "berth", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Submit, follow and manage the jobs of a Berth server.",
        subcommands = {ApplyCommand.class, RunCommand.class, GetCommand.class, DescribeCommand.class,
            LogsCommand.class, CancelCommand.class, DeleteCommand.class, CommandsCommand.class,
            QueuesCommand.class, NodesCommand.class, TokensCommand.class})
public final class BerthCli {
    static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "the Berth server (default: $BERTH_SERVER, else " + DEFAULT_SERVER + ")")
    String server;

    @Option(names = "--token", scope = ScopeType.INHERIT,
            description = "the API token (default: $BERTH_TOKEN; see --token-file)")
    String token;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "read the token from FILE (default: $BERTH_TOKEN_FILE, else ./data/admin.token if present)")
    Path tokenFile;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new BerthCli());
        // Asked for before the run, so that every subcommand is given these two (picocli makes them
        // lazily, per command otherwise); flushed once after it, for every command, as main exits next.
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> report(line.getErr(), failure));
        commandLine.setParameterExceptionHandler(BerthCli::usageError);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** The API of the server the command line names, as the root command's options and the environment say. */
    static BerthApi api(CommandSpec spec) {
        BerthCli root = (BerthCli) spec.root().userObject();
        String url = root.server != null ? root.server : System.getenv().getOrDefault("BERTH_SERVER", DEFAULT_SERVER);
        return new BerthApi(serverUri(url), TokenSource.resolve(root.token, root.tokenFile, System.getenv(),
                Path.of("").toAbsolutePath()));
    }

    private static URI serverUri(String url) {
        String trimmed = url.strip().replaceAll("/+$", "");
        try {
            URI uri = URI.create(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException invalid) {
            // said below
        }
        throw new CliFailure(ExitCodes.USAGE, "the server must be an http:// or https:// URL, not " + url);
    }

    /** One line instead of picocli's usage text, which would bury the problem in a screen of options. */
    private static int usageError(ParameterException failure, String[] args) {
        PrintWriter err = failure.getCommandLine().getErr();
        err.println("berth: " + failure.getMessage() + " (see: "
                + failure.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
        return ExitCodes.USAGE;
    }

    private static int report(PrintWriter err, Exception failure) {
        if (failure instanceof CliFailure known) {
            known.printTo(err);
            return known.exitCode();
        }
        err.println("berth: unexpected " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
        return ExitCodes.REFUSED;
    }
}
