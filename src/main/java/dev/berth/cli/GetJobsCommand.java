package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code get jobs}: the jobs, newest first, page after page (the listing's {@code next}) up to --limit. */
@Command(name = "jobs", aliases = "job", mixinStandardHelpOptions = true, description = "List jobs, newest first.")
final class GetJobsCommand implements Callable<Integer> {
    /** The server's largest page. */
    private static final int PAGE = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE", description = "only jobs with this label (repeatable: all must match)")
    List<String> labels = List.of();

    @Option(names = "--phase", paramLabel = "PHASE", description = "only jobs in this phase (Pending, Launching, Running, Succeeded, Failed, Cancelled)")
    String phase;

    @Option(names = "--owner", paramLabel = "NAME", description = "only the jobs this token name submitted")
    String owner;

    @Option(names = "--queue", paramLabel = "NAME", description = "only the jobs of this queue")
    String queue;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "at most N jobs (default: 100)")
    int limit;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CliFailure(ExitCodes.USAGE, "--limit must be 1 or more (got " + limit + ")");
        }
        output.print(spec.commandLine().getOut(), listing(BerthCli.api(spec)), GetJobsCommand::table);
        return ExitCodes.OK;
    }

    /** Every page merged into one listing, as the server would answer it with a larger limit. */
    private JsonNode listing(BerthApi api) {
        ObjectNode listing = JsonNodeFactory.instance.objectNode();
        var items = listing.putArray("items");
        String next = null;
        do {
            Query query = new Query("/api/v1/jobs").with("phase", phase).with("owner", owner).with("queue", queue)
                    .with("limit", Math.min(PAGE, limit - items.size())).with("after", next);
            labels.forEach(label -> query.with("label", label));
            JsonNode page = api.getJson(query.toString());
            page.path("items").forEach(items::add);
            next = page.path("next").isTextual() ? page.get("next").asText() : null;
        } while (next != null && items.size() < limit);
        listing.put("next", next);
        return listing;
    }

    static Table table(JsonNode listing) {
        Instant now = Instant.now();
        Table table = new Table("ID", "NAME", "PHASE", "REASON", "EXIT", "QUEUE", "OWNER", "AGE");
        for (JsonNode job : listing.path("items")) {
            table.row(Fields.text(job, "id"), Fields.text(job, "name"), Fields.text(job, "status", "phase"),
                    Fields.text(job, "status", "reason"), Fields.text(job, "status", "exitCode"),
                    Fields.text(job, "spec", "queue"), Fields.text(job, "owner"),
                    Durations.age(Fields.text(job, "status", "createdAt"), now));
        }
        return table;
    }
}
