package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nodes}: the swarm's nodes as its manager describes them (admin; 409 on an engine that is not a manager). */
@Command(name = "nodes", mixinStandardHelpOptions = true, description = "List the swarm's nodes.")
final class NodesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        output.print(spec.commandLine().getOut(), BerthCli.api(spec).getJson("/api/v1/nodes"), NodesCommand::table);
        return ExitCodes.OK;
    }

    static Table table(JsonNode nodes) {
        Table table = new Table("ID", "HOSTNAME", "ROLE", "STATE", "AVAILABILITY", "LEADER");
        nodes.path("items").forEach(node -> table.row(Fields.text(node, "id"), Fields.text(node, "hostname"),
                Fields.text(node, "role"), Fields.text(node, "state"), Fields.text(node, "availability"),
                Fields.text(node, "leader")));
        return table;
    }
}
