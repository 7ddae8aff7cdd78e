package dev.berth.cli;

import picocli.CommandLine.IVersionProvider;

/** The jar's Implementation-Version, or "development" as the server's /info says when the jar states none. */
final class CliVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BerthCli.class.getPackage().getImplementationVersion();
        return new String[] {"berth " + (version == null ? "development" : version)};
    }
}
