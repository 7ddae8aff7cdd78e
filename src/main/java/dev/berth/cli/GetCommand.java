package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code get jobs}: a parent named as kubectl's, so that more kinds can join it. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "List things.",
        subcommands = GetJobsCommand.class)
final class GetCommand {
}
