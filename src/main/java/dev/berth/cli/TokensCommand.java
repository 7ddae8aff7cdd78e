package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tokens list|create|revoke}: the API tokens (admin). A new token is printed once, alone on stdout, for a script to keep. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "List, create and revoke API tokens.")
final class TokensCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens (never the tokens themselves).")
    int list(@Mixin OutputOption output) {
        output.print(out(), BerthCli.api(spec).getJson("/api/v1/tokens"), TokensCommand::table);
        return ExitCodes.OK;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print it (it is shown once).")
    int create(@Parameters(paramLabel = "NAME", description = "the token's name: the owner of what it submits") String name,
               @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, submitter or admin")
               String role) {
        var body = JsonNodeFactory.instance.objectNode().put("name", name).put("role", role);
        JsonNode created = BerthCli.api(spec).post("/api/v1/tokens", body.toString(), Manifest.JSON, "the token").json();
        out().println(Fields.text(created, "token"));
        spec.commandLine().getErr().println("token " + name + " (" + role + ") created: it is shown this once");
        return ExitCodes.OK;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token: its next request is refused.")
    int revoke(@Parameters(paramLabel = "NAME") String name) {
        BerthCli.api(spec).delete("/api/v1/tokens/" + Query.segment(name));
        out().println("token " + name + " revoked");
        return ExitCodes.OK;
    }

    /** createdAt is epoch milliseconds in this listing; shown as the ISO time the rest of the API uses. */
    static Table table(JsonNode listing) {
        Table table = new Table("NAME", "ROLE", "CREATED", "BY");
        listing.path("items").forEach(token -> table.row(Fields.text(token, "name"), Fields.text(token, "role"),
                token.path("createdAt").isNumber() ? Instant.ofEpochMilli(token.get("createdAt").asLong()).toString()
                        : Fields.text(token, "createdAt"), Fields.text(token, "createdBy")));
        return table;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
