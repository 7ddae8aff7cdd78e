package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlDocumentsTest {
    @Test
    void documentsAreSplitAtTheirMarkersAndKeptAsWritten() {
        String text = """
                # leading comment
                image: a   # kept
                ---
                image: b
                command: [sh, -c, "echo --- not a marker"]
                ...
                --- {image: c}
                """;

        assertThat(YamlDocuments.split(text)).containsExactly(
                "# leading comment\nimage: a   # kept\n",
                "---\nimage: b\ncommand: [sh, -c, \"echo --- not a marker\"]\n",
                "--- {image: c}\n\n");
    }

    @Test
    void documentsOfOnlyCommentsOrBlankLinesAreLeftOut() {
        assertThat(YamlDocuments.split("---\n# nothing\n\n---\nimage: a\n---\n")).containsExactly("---\nimage: a\n");
    }

    @Test
    void aBlockScalarMayHoldIndentedDashes() {
        assertThat(YamlDocuments.split("image: a\nenv:\n  NOTE: |\n    ---\n    text\n")).hasSize(1);
    }
}
