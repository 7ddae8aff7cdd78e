package dev.berth.jobs;

import dev.berth.command.CommandResolver;
import dev.berth.command.ResolutionException;
import dev.berth.command.ResolvedCommand;
import dev.berth.core.FromCommand;
import dev.berth.core.JobSpec;
import dev.berth.core.ResolvedSpec;
import dev.berth.db.CommandRow;
import java.util.List;

/**
 * Turns a job's spec into what is launched. An inline spec is launched as it is; a spec from a
 * command is resolved against the command's registered definition, both at submission (so that bad
 * values are refused at once) and again at launch (the definition may have changed meanwhile).
 */
public class SpecResolver {
    private final CommandService commands;
    private final CommandResolver resolver = new CommandResolver();

    public SpecResolver(CommandService commands) {
        this.commands = commands;
    }

    /**
     * {@code steps} go to Docker, one per step; {@code shown} is a single-step job's spec with sensitive
     * values masked, for the API and the store (null for a job of several steps: they are shown as
     * written).
     */
    public record Resolution(List<ResolvedSpec> steps, ResolvedSpec shown, String version, List<String> sensitive) {
        public Resolution {
            steps = List.copyOf(steps);
        }
    }

    public Resolution resolve(JobSpec spec) {
        FromCommand from = spec.fromCommand();
        if (from == null) {
            List<ResolvedSpec> steps = spec.stepSpecs().stream()
                    .map(step -> new ResolvedSpec(step.image(), step.command(), step.entrypoint(), step.env(),
                            step.workingDir(), step.user(), spec.mounts(), spec.resources()))
                    .toList();
            return new Resolution(steps, steps.size() == 1 ? steps.get(0) : null, null, List.of());
        }
        CommandRow row = commands.find(from.name(), from.version()).orElseThrow(() -> new ResolutionException(
                from.name(), List.of("no command named " + from.name()
                        + (from.version() == null ? "" : " with version \"" + from.version() + "\"")
                        + " is registered")));
        var definition = commands.definition(row);
        ResolvedCommand resolved = resolver.resolve(definition, from.params(), from.mounts());
        List<String> sensitive = definition.inputs().stream()
                .filter(input -> input.sensitiveOrDefault())
                .map(input -> input.name())
                .toList();
        return new Resolution(List.of(resolved.toResolvedSpec()), resolved.masked().toResolvedSpec(), row.version(),
                sensitive);
    }
}
