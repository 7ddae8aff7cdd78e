package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void eachColumnIsAsWideAsItsWidestCellAndTheLastIsNotPadded() {
        String table = new Table("NAME", "MAX", "PAUSED").row("default", "16", "false").row("gpu", null, "true").render();

        assertThat(table).isEqualTo("""
                NAME      MAX   PAUSED
                default   16    false
                gpu             true
                """);
    }

    @Test
    void anEmptyLastCellLeavesNoTrailingSpaces() {
        assertThat(new Table("A", "B").row("x", "").render()).isEqualTo("A   B\nx\n");
    }

    @Test
    void aTableWithoutRowsIsItsHeader() {
        assertThat(new Table("ID", "NAME").render()).isEqualTo("ID   NAME\n");
    }
}
