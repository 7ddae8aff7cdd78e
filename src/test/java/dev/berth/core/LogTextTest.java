package dev.berth.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTextTest {

    @ParameterizedTest(name = "tail {1} of \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "a\\nb\\nc\\n | 2 | b\\nc\\n",
            "a\\nb\\nc\\n | 1 | c\\n",
            "a\\nb\\nc\\n | 5 | a\\nb\\nc\\n",
            "a\\nb\\nc   | 1 | c",
            "a\\nb\\nc\\n | 0 | ''",
            "''        | 3 | ''"})
    void keepsTheLastLines(String text, int lines, String expected) {
        assertThat(LogText.tail(unescape(text), lines)).isEqualTo(unescape(expected));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
