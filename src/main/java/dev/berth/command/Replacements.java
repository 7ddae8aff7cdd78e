package dev.berth.command;

import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces replacement keys in a template in a single pass, so that a value which happens to contain
 * another input's key is never replaced again, and a longer key wins over a key it contains.
 */
final class Replacements {
    private final Map<String, String> textByKey;
    private final Pattern keys;

    Replacements(Map<String, String> textByKey) {
        this.textByKey = Map.copyOf(textByKey);
        this.keys = textByKey.isEmpty() ? null : Pattern.compile(textByKey.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|")));
    }

    /** The template with every key replaced; null stays null. */
    String apply(String template) {
        if (template == null || keys == null) {
            return template;
        }
        Matcher matcher = keys.matcher(template);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(textByKey.get(match.group())));
    }
}
