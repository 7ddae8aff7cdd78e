package dev.berth.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.CapturedLog;
import org.junit.jupiter.api.Test;

class LogTailTest {

    @Test
    void keepsEverythingUnderTheBound() {
        LogTail tail = new LogTail(100);
        tail.append("hello\n".getBytes(UTF_8));
        tail.append("world\n".getBytes(UTF_8));

        CapturedLog log = tail.toCapturedLog();

        assertThat(log.text()).isEqualTo("hello\nworld\n");
        assertThat(log.droppedBytes()).isZero();
    }

    @Test
    void overTheBoundKeepsTheEndAndSaysHowMuchWasDropped() {
        LogTail tail = new LogTail(10);
        for (int i = 0; i < 10; i++) {
            tail.append(("line" + i + "\n").getBytes(UTF_8));
        }

        CapturedLog log = tail.toCapturedLog();

        assertThat(log.droppedBytes()).isEqualTo(50);
        assertThat(log.text()).startsWith("[berth: the first 50 bytes of this log were dropped")
                .endsWith(")]\nne8\nline9\n");
        assertThat(log.text()).doesNotContain("line7");
    }

    @Test
    void aZeroBoundKeepsNothingButCountsIt() {
        LogTail tail = new LogTail(0);
        tail.append("abc".getBytes(UTF_8));

        assertThat(tail.toCapturedLog().droppedBytes()).isEqualTo(3);
    }
}
