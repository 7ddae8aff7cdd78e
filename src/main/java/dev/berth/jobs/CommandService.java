package dev.berth.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.InvalidRequestException;
import dev.berth.command.CommandDefinition;
import dev.berth.command.CommandValidator;
import dev.berth.db.CommandRow;
import dev.berth.db.CommandStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registers command definitions: checks them, keeps them as written (XNAT's extra parts included,
 * though Berth does not act on them) and finds them again by name and version.
 */
public class CommandService {
    private final CommandStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final CommandValidator validator = new CommandValidator();

    public CommandService(CommandStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Creates or replaces the version the body names; the name comes from the path. */
    public CommandRow register(String name, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(List.of("a command definition must be a JSON object"));
        }
        ObjectNode definition = ((ObjectNode) body).deepCopy();
        JsonNode named = definition.get("name");
        if (named != null && !named.isNull() && !name.equals(named.asText())) {
            throw new InvalidRequestException(List.of("name \"" + named.asText()
                    + "\" differs from the name in the path, \"" + name + "\""));
        }
        definition.put("name", name);
        CommandDefinition command = parse(definition);
        List<String> problems = validator.validate(command);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return store.put(name, command.version(), definition.toString(), clock.millis());
    }

    /** Registers every command of a JSON list (the format of an image's org.nrg.commands label). */
    public List<CommandRow> registerAll(JsonNode list, String source) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidRequestException(List.of(source + " must hold a non-empty JSON list of commands"));
        }
        List<String> problems = new ArrayList<>();
        List<CommandDefinition> commands = new ArrayList<>();
        for (JsonNode item : list) {
            String name = item.path("name").asText("");
            CommandDefinition command = parse(item);
            validator.validate(command).forEach(p -> problems.add((name.isEmpty() ? "a command" : name) + ": " + p));
            commands.add(command);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems); // all or nothing: no half-imported image
        }
        List<CommandRow> registered = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            registered.add(store.put(commands.get(i).name(), commands.get(i).version(), list.get(i).toString(),
                    clock.millis()));
        }
        return registered;
    }

    public Optional<CommandRow> find(String name, String version) {
        return store.find(name, version);
    }

    public List<CommandRow> all() {
        return store.all();
    }

    /** Every registered version of a command, newest first. */
    public List<String> versionsOf(String name) {
        return store.versions(name).stream().map(CommandRow::version).toList();
    }

    public int delete(String name, String version) {
        return store.delete(name, version);
    }

    public CommandDefinition definition(CommandRow row) {
        try {
            return parse(json.readTree(row.definition()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored command " + row.name() + " is unreadable", e);
        }
    }

    private CommandDefinition parse(JsonNode node) {
        try {
            return json.treeToValue(node, CommandDefinition.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String problem = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? mapping.getOriginalMessage() : e.getMessage();
            throw new InvalidRequestException(List.of("not a command definition: "
                    + problem.lines().findFirst().orElse(problem)));
        }
    }
}
