package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code describe job ID}: a parent named as kubectl's, so that more kinds can join it. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show one thing in detail.",
        subcommands = DescribeJobCommand.class)
final class DescribeCommand {
}
