package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code -o table|json|yaml}, shared by the commands that list things. */
final class OutputOption {
    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default), json (the server's answer, pretty) or yaml")
    OutputFormat format;

    /** Prints the body as asked: {@code table} builds the table from it. */
    void print(PrintWriter out, JsonNode body, Function<JsonNode, Table> table) {
        out.print(format == OutputFormat.table ? table.apply(body).render() : format.render(body));
    }
}
