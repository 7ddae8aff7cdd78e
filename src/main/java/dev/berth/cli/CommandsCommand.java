package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code commands list|put|import}: the registered commands (job templates, docs/commands.md). */
@Command(name = "commands", mixinStandardHelpOptions = true, description = "List, register and import commands.")
final class CommandsCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every registered command version.")
    int list(@Mixin OutputOption output) {
        output.print(out(), BerthCli.api(spec).getJson("/api/v1/commands"), CommandsCommand::table);
        return ExitCodes.OK;
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Register a command definition (JSON, or YAML turned into JSON); NAME defaults to its \"name\".")
    int put(@Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE") String file,
            @Parameters(arity = "0..1", paramLabel = "NAME") String name) {
        CommandDefinition definition = CommandDefinition.read(file);
        String registered = name != null ? name : definition.registeredName();
        Answer answer = BerthCli.api(spec).put("/api/v1/commands/" + Query.segment(registered),
                definition.json(), Manifest.JSON, "command definition " + file);
        out().println(describe(answer.json()) + (answer.status() == 201 ? " registered" : " replaced"));
        return ExitCodes.OK;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Register the commands of an image's org.nrg.commands label (the image must be on the engine).")
    int importFrom(@Parameters(paramLabel = "IMAGE") String image) {
        JsonNode imported = BerthCli.api(spec).post(new Query("/api/v1/commands/import").with("image", image).toString())
                .json();
        imported.path("items").forEach(command -> out().println(describe(command) + " imported"));
        return ExitCodes.OK;
    }

    static Table table(JsonNode listing) {
        Table table = new Table("NAME", "VERSION", "IMAGE", "REGISTERED");
        listing.path("items").forEach(command -> table.row(Fields.text(command, "name"), Fields.text(command, "version"),
                Fields.text(command, "image"), Fields.text(command, "registeredAt")));
        return table;
    }

    private static String describe(JsonNode command) {
        String version = Fields.text(command, "version");
        return "command " + Fields.text(command, "name") + (version.isEmpty() ? "" : " version " + version);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
