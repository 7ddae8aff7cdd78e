package dev.berth;

import dev.berth.auth.TokenService;
import dev.berth.core.RefusedStartException;
import dev.berth.db.Database;
import dev.berth.db.TokenNameTakenException;
import dev.berth.db.TokenStore;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintStream;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.Instant;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code token create|list|revoke config.yml ...}: API tokens from the shell, on the database of
 * config.yml. An embedded H2 file is open in one process only: while Berth runs on it, use the
 * tokens API instead (this command then says so).
 */
final class TokenCommand extends ConfiguredCommand<BerthConfiguration> {
    private static final String ACTION = "action";

    TokenCommand() {
        super("token", "Create, list or revoke API tokens");
    }

    @Override
    public void configure(Subparser subparser) {
        var actions = subparser.addSubparsers().dest(ACTION).metavar("ACTION");
        Subparser create = actions.addParser("create").help("create a token and print it (it is shown once)");
        addFileArgument(create);
        create.addArgument("--name").required(true).help("the token's name: the owner of what it submits");
        create.addArgument("--role").required(true).choices("viewer", "submitter", "admin");
        addFileArgument(actions.addParser("list").help("list the tokens (never the tokens themselves)"));
        Subparser revoke = actions.addParser("revoke").help("revoke a token: its next request is refused");
        addFileArgument(revoke);
        revoke.addArgument("name").help("the token's name");
    }

    @Override
    protected void run(Bootstrap<BerthConfiguration> bootstrap, Namespace namespace, BerthConfiguration config)
            throws Exception {
        // What the command prints is its answer (a script takes the token from it): the store's
        // progress lines, at INFO on the console, would be mixed into it.
        ((Logger) LoggerFactory.getLogger("dev.berth")).setLevel(Level.WARN);
        try (var store = Database.openForCommand(config.getDatabase())) {
            var tokens = new TokenService(new TokenStore(store.jdbi(), store.writes()), Clock.systemUTC());
            PrintStream out = System.out;
            switch (namespace.getString(ACTION)) {
                case "create" -> out.println(tokens.create(namespace.getString("name"), namespace.getString("role"),
                        "token command").token());
                case "list" -> tokens.list().forEach(t -> out.printf("%-24s %-10s %s%n", t.name(), t.role(),
                        Instant.ofEpochMilli(t.createdAt())));
                case "revoke" -> {
                    if (!tokens.revoke(namespace.getString("name"))) {
                        throw new IllegalArgumentException("no token named " + namespace.getString("name"));
                    }
                    out.println("revoked " + namespace.getString("name"));
                }
                default -> throw new IllegalStateException("argparse offers only these actions");
            }
        }
    }

    /** One line, no stack trace, for what the operator got wrong. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedStartException || cause instanceof IllegalArgumentException
                    || cause instanceof TokenNameTakenException) {
                cli.getStdErr().println("token: " + cause.getMessage());
                cli.getStdErr().flush();
                return;
            }
        }
        super.onError(cli, namespace, e);
    }
}
