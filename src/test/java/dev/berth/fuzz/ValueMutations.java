package dev.berth.fuzz;

import static dev.berth.fuzz.BaseManifest.FIELDS;
import static dev.berth.fuzz.BaseManifest.write;
import static dev.berth.fuzz.ManifestBody.JSON;
import static dev.berth.fuzz.ManifestBody.YAML;
import static dev.berth.fuzz.Texts.shorten;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Manifests that parse, written by a mapper, whose values break them: a value of the wrong type, a
 * value or a list over its limit, or a value against one of the rules of docs/api.md. The body is
 * well-formed, so what refuses it is the mapper (400, 413) or the rules (422).
 */
final class ValueMutations {
    private final Draws draws;
    private final BaseManifest base;

    ValueMutations(Draws draws, BaseManifest base) {
        this.draws = draws;
        this.base = base;
    }

    /** A value of another type than the field's: the mapper coerces nothing (no text from numbers, no
     *  numbers from text, no single value as a list); and steps or fromCommand beside an image, or any
     *  placement in container mode, is refused whatever its shape. */
    ManifestBody wrongType() {
        String field = draws.pick(FIELDS);
        Object value = draws.pick(wrongValues(field));
        Map<String, Object> manifest = base.asMap();
        manifest.put(field, value);
        return structured("wrong type", field + ": " + value, manifest);
    }

    private List<Object> wrongValues(String field) {
        Object number = draws.nextInt();
        Object fraction = draws.nextInt(100_000) / 7.0 + 0.5;
        Object text = "x" + draws.nextInt(1000);
        Object nested = nestedList(draws.between(2, 8));
        return switch (field) {
            case "name", "image", "workingDir", "user", "queue" -> List.of(number, fraction, true, false, List.of(),
                    List.of(base.image()), Map.of(), Map.of("k", "v"), nested);
            case "priority" -> List.of("7", text, true, false, List.of(), List.of(1), Map.of("n", 1), nested);
            case "command", "entrypoint", "volumes" -> List.of(text, number, true, Map.of(), Map.of("a", "b"),
                    List.of(number), List.of(true), List.of(Map.of()), List.of(List.of("x")), List.of(fraction),
                    List.of("ok", number), nested);
            case "labels", "env" -> List.of(text, number, true, List.of(), List.of("a"), Map.of("a", number),
                    Map.of("a", true), Map.of("a", List.of()), Map.of("a", Map.of()), Map.of("a", fraction));
            case "resources" -> List.of(text, number, List.of(), Map.of("cpus", "2"), Map.of("memoryMb", "lots"),
                    Map.of("memoryMb", true), Map.of("cpus", List.of(1)), Map.of("reservations", "x"),
                    Map.of("reservations", Map.of("generic", Map.of("gpu", "1"))), Map.of("zz", 1));
            case "policy" -> List.of(text, true, List.of(Map.of()), Map.of("backoffLimit", "2"),
                    Map.of("retryOnExitCodes", "3"), Map.of("retryOnExitCodes", List.of("3")),
                    Map.of("activeDeadlineSeconds", true), Map.of("ttlSecondsAfterFinished", Map.of()));
            case "fromCommand", "placement" -> List.of(text, number, List.of(), Map.of(), Map.of("name", "x"),
                    Map.of("constraints", List.of("node.role==worker")));
            case "mounts" -> List.of(text, number, Map.of(), List.of(1), List.of("x"), List.of(List.of()),
                    List.of(Map.of("source", 1)), List.of(Map.of("readOnly", "yes")));
            default -> List.of(text, number, Map.of(), List.of(), List.of(1), List.of("x"), // steps
                    List.of(Map.of("name", "a", "image", base.image())));
        };
    }

    /** Over a limit: image 255, name 253, label key 63 and value 253, env key 256, argument 4096, path
     *  4096, user 64 characters; 64 labels, 256 env, 256 arguments, 16 steps, 16 volumes, 64 exit codes;
     *  no mount at all (no root is allowed). A quarter are also over the body limit of 16 KiB. */
    ManifestBody oversized() {
        Map<String, Object> manifest = base.asMap();
        if (draws.nextInt(4) == 0) {
            manifest.put("labels", Map.of("big", "v".repeat(draws.between(16_400, 40_000))));
            return structured("over the body limit", "a label value of 16+ KiB", manifest);
        }
        String what = draws.pick(List.of("image", "name", "label key", "label value", "env key", "argument",
                "workingDir", "user", "labels", "env", "arguments", "mounts", "steps", "volumes", "exit codes"));
        overLimit(what, manifest);
        return structured("oversized", what, manifest);
    }

    private void overLimit(String what, Map<String, Object> manifest) {
        switch (what) {
            case "image" -> manifest.put("image", "a".repeat(draws.between(256, 8000)));
            case "name" -> manifest.put("name", "n".repeat(draws.between(254, 8000)));
            case "label key" -> manifest.put("labels", Map.of("k".repeat(draws.between(64, 8000)), "v"));
            case "label value" -> manifest.put("labels", Map.of("k", "v".repeat(draws.between(254, 12_000))));
            case "env key" -> manifest.put("env", Map.of("E".repeat(draws.between(257, 8000)), "v"));
            case "argument" -> manifest.put("command", List.of("c".repeat(draws.between(4097, 12_000))));
            case "workingDir" -> manifest.put("workingDir", "/" + "w".repeat(draws.between(4096, 12_000)));
            case "user" -> manifest.put("user", "u".repeat(draws.between(65, 8000)));
            case "labels" -> manifest.put("labels", numbered("k", draws.between(65, 600)));
            case "env" -> manifest.put("env", numbered("E", draws.between(257, 900)));
            case "arguments" -> manifest.put("command",
                    IntStream.range(0, draws.between(257, 2000)).mapToObj(i -> "a").toList());
            case "mounts" -> manifest.put("mounts", IntStream.range(0, draws.between(1, 120))
                    .mapToObj(i -> Map.of("source", "/srv/" + i, "target", "/m/" + i)).toList());
            case "steps" -> {
                manifest.remove("image");
                manifest.remove("command");
                manifest.remove("env");
                manifest.put("steps", IntStream.range(0, draws.between(17, 80))
                        .mapToObj(i -> Map.of("name", "s" + i, "image", base.image())).toList());
            }
            case "volumes" -> manifest.put("volumes",
                    IntStream.range(0, draws.between(17, 400)).mapToObj(i -> "/v" + i).toList());
            default -> manifest.put("policy", Map.of("retryOnExitCodes",
                    IntStream.range(0, draws.between(65, 900)).map(i -> 1 + i % 255).boxed().toList()));
        }
    }

    /** Well-formed, of the right types, and against one rule of docs/api.md: a 422. */
    ManifestBody brokenRule() {
        Map<String, Object> manifest = base.asMap();
        String rule = draws.pick(List.of("name", "image", "no image", "workingDir", "user", "env key", "env null",
                "label key", "label null", "argument null", "mount", "volume", "placement", "queue", "priority",
                "cpus", "memoryMb", "reservations", "generic", "backoffLimit", "exit code", "deadline", "ttl",
                "schedule timeout", "steps beside image", "no steps", "fromCommand beside image"));
        Object value = applyRule(rule, manifest);
        return structured("broken rule", rule + ": " + value, manifest);
    }

    private Object applyRule(String rule, Map<String, Object> manifest) {
        Object value = switch (rule) {
            case "name" -> draws.pick(List.of("UPPER", "with_underscore", "-lead", "trail-", ".dot", "a b", "a/b", "",
                    "x:y"));
            case "image" -> draws.pick(List.of("", " ", "-x", "a b", "x\ny", ":tag", "@sha", "/abs", "a\tb"));
            case "workingDir" -> draws.pick(List.of("relative", "./x", "/a/../b", "/a/./b", "", "~/x"));
            case "user" -> draws.pick(List.of("a b", ":x", "x:", "root;rm", "-x", ""));
            case "queue" -> draws.pick(List.of("gpu", "Default", "default ", "", "DEFAULT", "default/x"));
            case "priority" -> (draws.nextBoolean() ? 1 : -1) * draws.between(1001, Integer.MAX_VALUE - 1);
            default -> null;
        };
        switch (rule) {
            case "name", "image", "workingDir", "user", "queue", "priority" -> manifest.put(rule, value);
            case "no image" -> manifest.remove("image");
            case "env key" -> manifest.put("env", Map.of(draws.pick(List.of("1X", "A-B", "", "A B", "A=B")), "v"));
            case "env null", "label null" -> manifest.put(rule.startsWith("env") ? "env" : "labels", nullValued("K"));
            case "label key" -> manifest.put("labels",
                    Map.of(draws.pick(List.of("", "-a", "a-", "a b", "a=b", "a:b")), "v"));
            case "argument null" -> manifest.put(draws.pick(List.of("command", "entrypoint")),
                    Arrays.asList("x", null));
            case "mount" -> manifest.put("mounts", List.of(Map.of("source", "/srv/data", "target", "/data")));
            case "volume" -> manifest.put("volumes", draws.pick(List.of(List.of("relative"), List.of("/"),
                    List.of("/s", "/s/"), List.of("/a/../b"), Arrays.asList((Object) null))));
            case "placement" -> manifest.put("placement", Map.of("constraints", List.of("node.role==worker")));
            default -> applyNumericRule(rule, manifest);
        }
        return value != null ? value : manifest;
    }

    private void applyNumericRule(String rule, Map<String, Object> manifest) {
        switch (rule) {
            case "cpus" -> manifest.put("resources", Map.of("cpus", draws.nextBoolean()
                    ? -draws.nextInt(1_000_000) / 8.0 : 1024.001 + draws.nextInt(1_000_000)));
            case "memoryMb" -> manifest.put("resources", Map.of("memoryMb", draws.nextBoolean()
                    ? (long) draws.nextInt(6) : 1024L * 1024 + 1 + draws.nextInt(Integer.MAX_VALUE)));
            case "reservations" -> manifest.put("resources", Map.of("cpus", 1, "memoryMb", 64,
                    "reservations", Map.of("cpus", 2, "memoryMb", 128)));
            case "generic" -> manifest.put("resources", Map.of("reservations", Map.of("generic", genericThatBreaks())));
            case "backoffLimit" -> manifest.put("policy", Map.of("backoffLimit", draws.nextBoolean()
                    ? -1 - draws.nextInt(1000) : 101 + draws.nextInt(100_000)));
            case "exit code" -> manifest.put("policy",
                    Map.of("retryOnExitCodes", List.of(draws.pick(List.of(0, 256, -3, 70_000)))));
            case "deadline" -> manifest.put("policy", Map.of("activeDeadlineSeconds", -draws.nextInt(1000)));
            case "ttl" -> manifest.put("policy", Map.of("ttlSecondsAfterFinished", -1 - draws.nextInt(1000)));
            case "schedule timeout" -> manifest.put("policy", Map.of("scheduleTimeoutSeconds", -draws.nextInt(1000)));
            case "steps beside image" -> manifest.put("steps", List.of(Map.of("name", "a", "image", base.image())));
            case "no steps" -> {
                manifest.remove("image");
                manifest.remove("command");
                manifest.remove("env");
                manifest.put("steps", List.of());
            }
            default -> manifest.put("fromCommand", Map.of("name", "nope"));
        }
    }

    /** gpu outside 1..1024, or any other kind (which plain containers do not have). */
    private Map<String, Object> genericThatBreaks() {
        return draws.nextBoolean() ? Map.of("gpu", draws.pick(List.of(0, -1, 1025, 1_000_000)))
                : Map.of(draws.pick(List.of("ssd", "fpga", "tpu")), 1);
    }

    private ManifestBody structured(String kind, String detail, Map<String, Object> manifest) {
        boolean yaml = draws.nextBoolean();
        return ManifestBody.of(kind, shorten(detail), yaml ? YAML : JSON, write(manifest, yaml));
    }

    private static Object nestedList(int depth) {
        Object value = "x";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    /** {@code count} entries prefix0: "v", prefix1: "v", ... */
    private static Map<String, Object> numbered(String prefix, int count) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(prefix + i, "v");
        }
        return map;
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, null);
        return map;
    }
}
