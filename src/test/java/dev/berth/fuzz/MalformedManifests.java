package dev.berth.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Request bodies for a job submission, each a mutation of a valid manifest that is invalid <em>by
 * construction</em>: every kind of mutation says, where it is made, why no body it makes can be a
 * manifest Berth should take (a mutation that might by chance still be a manifest, such as a flipped
 * letter in a label value, is never made). The fields and rules are those of docs/api.md.
 *
 * <p>The kinds take turns, so every run makes about as many of each; all of them draw from the one
 * {@link Random} given, in turn, so that a seed replays the same bodies in the same order.
 */
public final class MalformedManifests {
    private final List<Supplier<ManifestBody>> kinds;

    public MalformedManifests(Random random, BaseManifest base) {
        Draws draws = new Draws(random);
        var values = new ValueMutations(draws, base);
        var members = new MemberMutations(draws, base);
        var documents = new DocumentMutations(draws, base);
        var yaml = new YamlMutations(draws, base);
        // The order of the turns is part of what a seed replays: reordered, a seed would no longer give
        // the bodies it gave before.
        kinds = List.of(values::wrongType, members::unknownField, values::oversized, members::unicode,
                documents::deepNesting, members::duplicateKey, documents::truncated, documents::trailingGarbage,
                yaml::multiDocument, yaml::alias, yaml::tag, yaml::tab, documents::wrongRoot, values::brokenRule,
                documents::controlCharacter, documents::brokenStructure, documents::unsupportedMediaType);
    }

    /** The {@code i}-th body of the run: the turn of kind {@code i} modulo the number of kinds. */
    public ManifestBody next(int i) {
        return kinds.get(i % kinds.size()).get();
    }
}
