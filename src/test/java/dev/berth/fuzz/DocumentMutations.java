package dev.berth.fuzz;

import static dev.berth.fuzz.BaseManifest.jsonDocument;
import static dev.berth.fuzz.BaseManifest.yamlDocument;
import static dev.berth.fuzz.ManifestBody.JSON;
import static dev.berth.fuzz.ManifestBody.YAML;
import static dev.berth.fuzz.Texts.escape;
import static dev.berth.fuzz.Texts.quote;
import static dev.berth.fuzz.Texts.shorten;

import java.util.ArrayList;
import java.util.List;

/**
 * Bodies that are not one manifest document of a type the endpoint reads, in JSON or YAML alike:
 * nested past any sane depth, cut short, followed by more, broken in their structure or by a control
 * character, of the wrong root, or sent as a media type the endpoint does not take.
 */
final class DocumentMutations {
    private final Draws draws;
    private final BaseManifest base;

    DocumentMutations(Draws draws, BaseManifest base) {
        this.draws = draws;
        this.base = base;
    }

    /** Thousands of levels where a string, a list of strings or a map of strings belongs (or at the root,
     *  or unclosed); or under fromCommand.params beside an image, which is refused (and no command is
     *  registered) once the mapper has read it, if it reads it. */
    ManifestBody deepNesting() {
        int depth = draws.between(300, 7000);
        String arrays = "[".repeat(depth) + "\"x\"" + "]".repeat(depth);
        String image = quote(base.image());
        return switch (draws.nextInt(9)) {
            case 0 -> deep(depth + " arrays in command", JSON,
                    "{\"image\": " + image + ", \"command\": " + arrays + "}");
            case 1 -> deep(depth + " arrays at the root", JSON, arrays);
            case 2 -> deep(depth + " arrays in fromCommand.params", JSON, "{\"image\": " + image
                    + ", \"fromCommand\": {\"name\": \"nope\", \"params\": {\"p\": " + arrays + "}}}");
            case 3 -> deep(depth / 4 + " objects in fromCommand.params", JSON, "{\"image\": " + image
                    + ", \"fromCommand\": {\"name\": \"nope\", \"params\": "
                    + "{\"a\": ".repeat(depth / 4) + "1" + "}".repeat(depth / 4) + "}}");
            case 4 -> deep(depth / 3 + " unclosed objects in labels", JSON,
                    "{\"image\": " + image + ", \"labels\": " + "{\"a\": ".repeat(depth / 3));
            case 5 -> deep(depth + " flow sequences in command", YAML,
                    "image: " + image + "\ncommand: " + arrays + "\n");
            case 6 -> deep(depth + " block sequences in command", YAML,
                    "image: " + image + "\ncommand:\n" + "- ".repeat(depth) + "x\n");
            case 7 -> deep(depth + " flow sequences in fromCommand.params", YAML, "image: " + image
                    + "\nfromCommand: {name: nope, params: {p: " + arrays + "}}\n");
            default -> deep(depth / 3 + " flow mappings in labels", YAML, "image: " + image
                    + "\nlabels: " + "{a: ".repeat(depth / 3) + "b" + "}".repeat(depth / 3) + "\n");
        };
    }

    private static ManifestBody deep(String detail, String mediaType, String text) {
        return ManifestBody.of("deep nesting", detail, mediaType, text);
    }

    /** A valid manifest cut short: JSON, or a YAML flow mapping, lacks its closing brace; block YAML is
     *  cut inside a double-quoted scalar, which is then never closed. */
    ManifestBody truncated() {
        List<String[]> members = base.members();
        int variant = draws.nextInt(3);
        String text = variant == 2 ? yamlDocument(members) : jsonDocument(members);
        int cut = variant == 2 ? insideQuotes(text) : draws.nextInt(text.length());
        return ManifestBody.of("truncated", "cut at " + cut + " of " + text.length(), variant == 0 ? JSON : YAML,
                text.substring(0, cut));
    }

    /** A valid manifest followed by more: trailing tokens are refused. */
    ManifestBody trailingGarbage() {
        String document = jsonDocument(base.members());
        boolean yaml = draws.nextInt(3) == 0;
        String garbage = yaml ? draws.pick(List.of("}", "]", " x", " {}", "\n- x", "\nimage: other"))
                : draws.pick(List.of("}", "]", ",", "x", "{}", "[]", "null", "0", "\"s\"", document, ", {}"));
        String gap = draws.pick(List.of("", " ", "\n"));
        return ManifestBody.of("trailing garbage", escape(gap + shorten(garbage)), yaml ? YAML : JSON,
                document + gap + garbage);
    }

    /** No manifest at all: nothing, null, a scalar or a list; or an empty manifest, which lacks an image. */
    ManifestBody wrongRoot() {
        boolean yaml = draws.nextBoolean();
        String text = yaml ? draws.pick(List.of("", "~", "null", "# a comment\n", "- " + quote(base.image()) + "\n",
                        quote(base.image()), "42", "[]", "{}", "---\n", "--- |\n  image: x\n"))
                : draws.pick(List.of("", " ", "null", "[]", "[{}]", "[" + base.asJson() + "]", quote(base.image()),
                        "42", "true", "{}", "\"\""));
        return ManifestBody.of("wrong root", escape(text), yaml ? YAML : JSON, text);
    }

    /** A raw C0 control character (not tab, LF or CR) anywhere: JSON allows none outside escapes, YAML
     *  none at all. */
    ManifestBody controlCharacter() {
        boolean yaml = draws.nextBoolean();
        String text = yaml ? base.asYaml() : base.asJson();
        char control;
        do {
            control = (char) draws.nextInt(0x20);
        } while (control == '\t' || control == '\n' || control == '\r');
        int at = draws.nextInt(text.length() + 1);
        return ManifestBody.of("control character", escape(String.valueOf(control)) + " at " + at, yaml ? YAML : JSON,
                text.substring(0, at) + control + text.substring(at));
    }

    /** One JSON bracket, colon or comma (outside strings), or quote, deleted or doubled: brackets then no
     *  longer pair, quotes no longer pair, or two values or separators meet. */
    ManifestBody brokenStructure() {
        String text = base.asJson();
        List<Integer> positions = structuralPositions(text);
        int at = draws.pick(positions);
        boolean delete = draws.nextBoolean();
        String broken = delete ? text.substring(0, at) + text.substring(at + 1)
                : text.substring(0, at + 1) + text.charAt(at) + text.substring(at + 1);
        String detail = (delete ? "deleted " : "doubled ") + text.charAt(at) + " at " + at;
        return ManifestBody.of("broken structure", detail, JSON, broken);
    }

    /** A body in a type the endpoint does not read (415), or YAML sent as JSON. */
    ManifestBody unsupportedMediaType() {
        if (draws.nextInt(3) == 0) {
            return ManifestBody.of("unsupported media type", "YAML labelled JSON", JSON, base.asYaml());
        }
        String type = draws.pick(List.of("text/plain", "application/xml", "application/octet-stream", "text/x-yaml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json",
                "application/merge-patch+json", "text/html", "image/png"));
        return ManifestBody.of("unsupported media type", type, type, base.asJson());
    }

    /** A position inside one of the double-quoted scalars of {@code text}, after its opening quote. */
    private int insideQuotes(String text) {
        List<Integer> inside = new ArrayList<>();
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            if (open) {
                inside.add(i);
            }
            if (text.charAt(i) == '"') {
                open = !open;
            }
        }
        return draws.pick(inside);
    }

    /** The quotes of {@code json}, and its brackets, colons and commas outside strings (it has no escapes). */
    private static List<Integer> structuralPositions(String json) {
        List<Integer> positions = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                inString = !inString;
                positions.add(i);
            } else if (!inString && "{}[]:,".indexOf(c) >= 0) {
                positions.add(i);
            }
        }
        return positions;
    }
}
