package dev.berth.fuzz;

import static dev.berth.fuzz.BaseManifest.FIELDS;
import static dev.berth.fuzz.BaseManifest.jsonDocument;
import static dev.berth.fuzz.BaseManifest.yamlDocument;
import static dev.berth.fuzz.ManifestBody.JSON;
import static dev.berth.fuzz.ManifestBody.YAML;
import static dev.berth.fuzz.Texts.escape;
import static dev.berth.fuzz.Texts.hex;
import static dev.berth.fuzz.Texts.quote;
import static dev.berth.fuzz.Texts.shorten;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Manifests whose keys or text no mapper would write, so they are written by hand, member by member: a
 * member no manifest has, a key twice in one mapping, a character outside what a field allows, or bytes
 * that are not UTF-8 at all.
 */
final class MemberMutations {
    /** Characters outside the ASCII that image, name, label and env keys, user and queue allow. */
    private static final List<String> UNICODE = List.of("\u0000", "\u0001", "\u001b", "\u007f", "\u0085",
            "\u00a0", "\u00e9", "\u0130", "\u0131", "\u017f", "\u0301", "\u05d0", "\u0627", "\u200b", "\u200d",
            "\u200e", "\u202e", "\u2028", "\u2029", "\u2126", "\u212a", "\u4e2d", "\ufeff", "\uff41", "\ufffd",
            "\ufffe", "\uffff", "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d\ude00", "\udbff\udfff",
            "\udb40\udc01", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "\u202ejson.exe");

    /** Byte sequences that are not UTF-8: a stray continuation, an overlong NUL, a surrogate, past U+10FFFF. */
    private static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xfe},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0x80}, new byte[] {(byte) 0xc3, 0x28},
            new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    private final Draws draws;
    private final BaseManifest base;

    MemberMutations(Draws draws, BaseManifest base) {
        this.draws = draws;
        this.base = base;
    }

    /** A member no manifest has: unknown fields are refused, never ignored. */
    ManifestBody unknownField() {
        String key;
        do {
            key = draws.pick(List.of(typo(draws.pick(FIELDS)), draws.pick(FIELDS).toUpperCase(),
                    capitalised(draws.pick(FIELDS)), draws.pick(FIELDS) + draws.pick(UNICODE),
                    draws.pick(UNICODE) + draws.pick(FIELDS), "", "__proto__", "@type", "$ref", "<<",
                    "x".repeat(draws.between(100, 4000)), randomText(draws.between(1, 12))));
        } while (FIELDS.contains(key));
        List<String[]> members = base.members();
        members.add(draws.nextInt(members.size() + 1),
                new String[] {quote(key, draws.nextBoolean()), draws.pick(List.of("1", "null", "\"x\"", "[]", "{}"))});
        return handWritten("unknown field", shorten(key), members);
    }

    /** A character no ASCII pattern allows, inside image, name, a label or env key, user or queue (any
     *  queue but "default" is unknown); or bytes that are not UTF-8 at all. Inserted mid-value, so that
     *  YAML's folding of a line break (U+0085, U+2028) still leaves a space there. */
    ManifestBody unicode() {
        int variant = draws.nextInt(6);
        if (variant == 0) {
            return notUtf8();
        }
        if (variant == 1) {
            return splitBySurrogate();
        }
        String sample = draws.pick(UNICODE);
        String field = draws.pick(List.of("image", "name", "label key", "env key", "user", "queue"));
        boolean asciiOnly = draws.nextBoolean();
        List<String[]> members = base.members();
        switch (field) {
            case "image" -> members.set(0, new String[] {"\"image\"", quote(insert(base.image(), sample), asciiOnly)});
            case "name" -> members.add(new String[] {"\"name\"", quote(insert("job-7", sample), asciiOnly)});
            case "label key" -> members.set(2, new String[] {"\"labels\"",
                    "{" + quote(insert("team", sample), asciiOnly) + ": \"b\"}"});
            case "env key" -> members.set(3, new String[] {"\"env\"",
                    "{" + quote(insert("HOME", sample), asciiOnly) + ": \"1\"}"});
            case "user" -> members.add(new String[] {"\"user\"", quote(insert("1000", sample), asciiOnly)});
            default -> members.add(new String[] {"\"queue\"", quote(insert("default", sample), asciiOnly)});
        }
        return handWritten("unicode", field + " with " + escape(sample) + (asciiOnly ? " escaped" : " raw"), members);
    }

    private ManifestBody notUtf8() {
        byte[] bad = draws.pick(NOT_UTF8);
        boolean yaml = draws.nextBoolean();
        String head = yaml ? "image: \"berth-test-" : "{\"image\": \"berth-test-";
        String tail = yaml ? "busybox:1\"\ncommand: [\"true\"]\n" : "busybox:1\", \"command\": [\"true\"]}";
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(UTF_8));
        bytes.writeBytes(bad);
        bytes.writeBytes(tail.getBytes(UTF_8));
        return new ManifestBody("not UTF-8", "image with bytes " + hex(bad), yaml ? YAML : JSON, bytes.toByteArray());
    }

    /** An invalid key or path whose 64-character excerpt in the error message ends in half a surrogate pair. */
    private ManifestBody splitBySurrogate() {
        String emoji = "\ud83d\ude00";
        List<String[]> members = base.members();
        String field = draws.pick(List.of("label key", "env key", "workingDir", "params key"));
        switch (field) {
            case "label key" -> members.set(2, new String[] {"\"labels\"",
                    "{" + quote("a".repeat(63) + emoji) + ": \"b\"}"});
            case "env key" -> members.set(3, new String[] {"\"env\"",
                    "{" + quote("A".repeat(63) + emoji) + ": \"1\"}"});
            case "workingDir" -> members.add(new String[] {"\"workingDir\"", quote("w".repeat(63) + emoji + "/x")});
            default -> members.add(new String[] {"\"fromCommand\"", "{\"name\": \"nope\", \"params\": {"
                    + quote("p".repeat(63) + emoji) + ": {}}}"});
        }
        return handWritten("unicode", field + " cut inside a surrogate pair", members);
    }

    /** A key twice in one mapping, each value valid: JSON bodies and YAML ones (read by the same rules)
     *  refuse duplicate keys, and a YAML mapping's keys are unique by the YAML spec. */
    ManifestBody duplicateKey() {
        List<String[]> members = base.members();
        String what = draws.pick(List.of("member repeated", "image twice", "escaped twin", "labels key", "env key",
                "resources.cpus", "policy.backoffLimit"));
        switch (what) {
            case "member repeated" -> members.add(draws.nextInt(members.size() + 1), draws.pick(base.members()));
            case "image twice" -> members.add(new String[] {"\"image\"", "\"busybox:latest\""});
            case "escaped twin" -> members.add(new String[] {"\"\\u0069mage\"", quote(base.image())});
            case "labels key" -> members.set(2, new String[] {"\"labels\"", "{\"a\": \"b\", \"a\": \"c\"}"});
            case "env key" -> members.set(3, new String[] {"\"env\"", "{\"X\": \"1\", \"X\": \"1\"}"});
            case "resources.cpus" -> members.add(new String[] {"\"resources\"", "{\"cpus\": 1, \"cpus\": 2}"});
            default -> members.add(new String[] {"\"policy\"", "{\"backoffLimit\": 1, \"backoffLimit\": 1}"});
        }
        return handWritten("duplicate key", what, members);
    }

    private ManifestBody handWritten(String kind, String detail, List<String[]> members) {
        boolean yaml = draws.nextBoolean();
        return ManifestBody.of(kind, detail, yaml ? YAML : JSON, yaml ? yamlDocument(members) : jsonDocument(members));
    }

    /** A field name with a letter dropped, doubled or swapped with its neighbour. */
    private String typo(String field) {
        int at = draws.nextInt(field.length() - 1);
        return switch (draws.nextInt(3)) {
            case 0 -> field.substring(0, at) + field.substring(at + 1);
            case 1 -> field.substring(0, at + 1) + field.charAt(at) + field.substring(at + 1);
            default -> field.substring(0, at) + field.charAt(at + 1) + field.charAt(at) + field.substring(at + 2);
        };
    }

    private static String capitalised(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private String randomText(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(draws.nextBoolean() ? (char) ('a' + draws.nextInt(26)) : draws.pick(UNICODE).charAt(0));
        }
        return "zz" + out;
    }

    /** {@code sample} inside {@code text}, never first or last. */
    private String insert(String text, String sample) {
        int at = 1 + draws.nextInt(text.length() - 1);
        return text.substring(0, at) + sample + text.substring(at);
    }
}
