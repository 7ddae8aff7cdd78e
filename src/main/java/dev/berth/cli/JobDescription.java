package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A job as {@code describe job} prints it: its fields (those the server left out are left out
 * here too), then each attempt with a table of its steps, then a table of its events.
 */
record JobDescription(JsonNode job, JsonNode events) {
    String render(Instant now) {
        StringBuilder out = new StringBuilder();
        Map<String, String> fields = fields(now);
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        fields.forEach((label, value) -> out.append(String.format("%-" + width + "s %s%n", label + ":", value)));
        out.append("\nAttempts:\n");
        if (job.path("attempts").isEmpty()) {
            out.append("  (none yet)\n");
        }
        job.path("attempts").forEach(attempt -> out.append(attempt(attempt)));
        out.append("\nEvents:\n").append(indent(eventTable().render()));
        return out.toString();
    }

    private Map<String, String> fields(Instant now) {
        JsonNode status = job.path("status");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ID", Fields.text(job, "id"));
        fields.put("Name", Fields.text(job, "name"));
        fields.put("Labels", labels());
        fields.put("Owner", Fields.text(job, "owner"));
        fields.put("Queue", Fields.text(job, "spec", "queue") + priority());
        fields.put("Phase", Fields.text(status, "phase") + parenthesised(Fields.text(status, "reason")));
        fields.put("Message", Fields.text(status, "message"));
        fields.put("Exit code", Fields.text(status, "exitCode"));
        fields.put("Queue position", Fields.text(status, "queuePosition"));
        fields.put("Created", when(Fields.text(status, "createdAt"), now));
        fields.put("Started", when(Fields.text(status, "startedAt"), now));
        fields.put("Finished", when(Fields.text(status, "finishedAt"), now));
        fields.put("Next attempt", Fields.text(status, "nextAttemptAt"));
        fields.put("Expires", Fields.text(status, "expiresAt"));
        fields.values().removeIf(String::isEmpty);
        return fields;
    }

    private String attempt(JsonNode attempt) {
        String heading = "  #" + Fields.text(attempt, "number") + " " + Fields.text(attempt, "phase")
                + parenthesised(Fields.text(attempt, "reason")) + " on " + Fields.text(attempt, "backend")
                + (Fields.text(attempt, "nodeHostname").isEmpty() ? "" : " node " + Fields.text(attempt, "nodeHostname"))
                + (Fields.text(attempt, "message").isEmpty() ? "" : ": " + Fields.text(attempt, "message")) + "\n";
        Table steps = new Table("STEP", "PHASE", "REASON", "EXIT", "STARTED", "FINISHED", "MESSAGE");
        attempt.path("steps").forEach(step -> steps.row(Fields.text(step, "name"), Fields.text(step, "phase"),
                Fields.text(step, "reason"), Fields.text(step, "exitCode"), Fields.text(step, "startedAt"),
                Fields.text(step, "finishedAt"), Fields.text(step, "message")));
        return heading + indent(indent(steps.render()));
    }

    private Table eventTable() {
        Table table = new Table("AT", "TYPE", "PHASE", "REASON", "ATTEMPT", "MESSAGE");
        events.path("items").forEach(event -> table.row(Fields.text(event, "at"), Fields.text(event, "type"),
                Fields.text(event, "phase"), Fields.text(event, "reason"), Fields.text(event, "attempt"),
                Fields.text(event, "message")));
        return table;
    }

    private String labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        job.path("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        return labels.entrySet().stream().map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(", "));
    }

    private String priority() {
        String priority = Fields.text(job, "spec", "priority");
        return priority.isEmpty() || priority.equals("0") ? "" : ", priority " + priority;
    }

    private static String when(String time, Instant now) {
        return time.isEmpty() ? "" : time + " (" + Durations.age(time, now) + " ago)";
    }

    private static String parenthesised(String text) {
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    private static String indent(String lines) {
        return lines.lines().map(line -> "  " + line + "\n").collect(Collectors.joining());
    }
}
