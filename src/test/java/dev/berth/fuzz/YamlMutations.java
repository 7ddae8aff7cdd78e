package dev.berth.fuzz;

import static dev.berth.fuzz.BaseManifest.jsonDocument;
import static dev.berth.fuzz.BaseManifest.yamlDocument;
import static dev.berth.fuzz.ManifestBody.YAML;
import static dev.berth.fuzz.Texts.escape;
import static dev.berth.fuzz.Texts.quote;
import static dev.berth.fuzz.Texts.shorten;

import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Bodies that use what only YAML has, each placed so that the body is invalid however a YAML reader
 * treats it: several documents, anchors and aliases, tags and directives, tabs as indentation.
 */
final class YamlMutations {
    private final Draws draws;
    private final BaseManifest base;

    YamlMutations(Draws draws, BaseManifest base) {
        this.draws = draws;
        this.base = base;
    }

    /** Two YAML documents in one body, each a manifest: a submission is one manifest. */
    ManifestBody multiDocument() {
        String one = yamlDocument(base.members());
        List<String[]> otherMembers = base.members();
        otherMembers.set(1, new String[] {"\"command\"", "[\"false\"]"});
        String other = yamlDocument(otherMembers);
        String flow = jsonDocument(base.members());
        int variant = draws.nextInt(5);
        String text = switch (variant) {
            case 0 -> "---\n" + one + "---\n" + other;
            case 1 -> one + "---\n" + other;
            case 2 -> one + "...\n---\n" + one;
            case 3 -> "--- " + flow + "\n--- " + flow + "\n";
            default -> "%YAML 1.1\n---\n" + one + "...\n%YAML 1.1\n---\n" + other;
        };
        return ManifestBody.of("multi-document", "variant " + variant, YAML, text);
    }

    /** Anchors and aliases, each placed so that the body is invalid whether the aliases are expanded,
     *  kept as their names, or refused: an alias bomb under unknown keys, in labels or command (lists
     *  where strings belong) or in fromCommand.params beside an image; an alias that is never (or only
     *  later) defined, which YAML forbids; an alias of an invalid name; a merge of an unknown key; an alias
     *  of the document inside itself; an alias of labels as env, whose key no variable may have. */
    ManifestBody alias() {
        String image = "\"image\": " + quote(base.image()) + "\n";
        String rest = "\"command\": [\"true\"]\n";
        int variant = draws.nextInt(10);
        String text = switch (variant) {
            case 0 -> bomb("", "lol") + image + rest;
            case 1 -> image + rest + "\"labels\":\n" + bomb("  ", "l");
            case 2 -> image + "\"command\": [" + bombItems() + "]\n";
            case 3 -> image + "\"fromCommand\":\n  \"name\": \"nope\"\n  \"params\":\n" + bomb("    ", "p");
            case 4 -> "\"image\": *" + draws.pick(List.of("nope", "image", "a0")) + "\n" + rest;
            case 5 -> "\"image\": *later\n" + rest + "\"labels\": {\"a\": &later " + quote(base.image()) + "}\n";
            case 6 -> "\"name\": &n \"Not A Name\"\n\"image\": *n\n" + rest;
            case 7 -> "\"base\": &base {" + image.strip() + "}\n\"<<\": *base\n" + rest;
            case 8 -> "&root {" + image.strip() + ", \"labels\": *root}\n";
            default -> image + rest + "\"labels\": &l {\"1a\": \"b\"}\n\"env\": *l\n";
        };
        return ManifestBody.of("YAML alias", "variant " + variant, YAML, text);
    }

    /** Nine levels of ten aliases of the level below (a billion "lol"s if expanded), as mapping members. */
    private String bomb(String indent, String key) {
        StringBuilder out = new StringBuilder(indent + quote(key + 0) + ": &a0 [" + "\"lol\", ".repeat(9)
                + "\"lol\"]\n");
        for (int level = 1; level < 9; level++) {
            out.append(indent).append(quote(key + level)).append(": &a").append(level).append(" [")
                    .append(tenAliasesOf(level - 1)).append("]\n");
        }
        return out.toString();
    }

    /** The same bomb as the items of one flow sequence. */
    private String bombItems() {
        StringBuilder out = new StringBuilder("&a0 [" + "\"lol\", ".repeat(9) + "\"lol\"]");
        for (int level = 1; level < 9; level++) {
            out.append(", &a").append(level).append(" [").append(tenAliasesOf(level - 1)).append("]");
        }
        return out.toString();
    }

    private static String tenAliasesOf(int level) {
        return String.join(", ", Collections.nCopies(10, "*a" + level));
    }

    /** Tags that make a value the wrong type (or state one it cannot have: !!int abc), tags of Java classes
     *  on values of the wrong shape, an undefined tag handle, and directives YAML forbids. */
    ManifestBody tag() {
        String image = "\"image\": " + quote(base.image()) + "\n";
        String rest = "\"command\": [\"true\"]\n";
        String tagged = draws.pick(List.of(
                "\"image\": !!int " + draws.nextInt(1000) + "\n" + rest,
                "\"image\": !!float 1.5\n" + rest,
                "\"image\": !!bool true\n" + rest,
                "\"image\": !!null \"\"\n" + rest,
                "\"image\": !!binary " + quote(binaryWithPadding()) + "\n" + rest,
                "\"image\": !<tag:yaml.org,2002:int> 5\n" + rest,
                "\"image\": !e!x " + quote(base.image()) + "\n" + rest,
                "%TAG !e! tag:example.com,2000:\n---\n\"image\": !e!x {}\n" + rest,
                image + "\"priority\": !!str 5\n",
                image + "\"priority\": !!int abc\n",
                image + "\"priority\": !!float xyz\n",
                image + "\"priority\": !!bool maybe\n",
                image + "\"priority\": !!timestamp 2001-12-14\n",
                image + "\"command\": !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                        + "[[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n",
                image + rest + "\"labels\": !!java.util.HashMap {\"a\": !!java.lang.ProcessBuilder [\"true\"]}\n",
                image + rest + "\"labels\": !!set {\"a\", \"b\"}\n",
                image + rest + "\"labels\": !!omap [{\"a\": \"b\"}]\n",
                "--- !!java.lang.Object\n" + image + rest + "\"zz\": 1\n",
                "%YAML 1.1\n%YAML 1.1\n---\n" + image + rest,
                "%YAML 2.0\n---\n" + image + rest));
        return ManifestBody.of("YAML tag", shorten(tagged.lines().filter(l -> l.contains("!") || l.contains("%"))
                .findFirst().orElse(tagged)), YAML, tagged);
    }

    /** A tab where YAML needs indentation: block structure is indented with spaces only. */
    ManifestBody tab() {
        String image = "\"image\": " + quote(base.image()) + "\n";
        String text = draws.pick(List.of(
                image + "\"labels\":\n\t\"a\": \"b\"\n",
                image + "\"command\":\n\t- \"true\"\n",
                image + "\"env\":\n  \"X\": \"1\"\n\t\"Y\": \"2\"\n",
                image + "\t\"command\": [\"true\"]\n",
                image + "\"labels\":\n \t\"a\": \"b\"\n"));
        return ManifestBody.of("YAML tab", escape(text.substring(image.length())), YAML, text);
    }

    /** Bytes whose standard base64 ends in padding, which no image reference has. */
    private String binaryWithPadding() {
        byte[] bytes = new byte[3 * draws.between(0, 6) + 1 + draws.nextInt(2)];
        draws.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
