package io.tollwatch.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    @Test
    void drawsCountsAndRateAndEndsTheLineWhenDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "replayed", 2500);
        for (int i = 1; i <= 2500; i++) {
            p.accept(i);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rtollwatch: replayed 1 / 2,500 (").endsWith("\rtollwatch: replayed 2,500 / 2,500 ("
                + out.substring(out.lastIndexOf('(') + 1, out.lastIndexOf(')')) + ")  " + System.lineSeparator());
        assertThat(out.split("\r").length - 1).as("redraws are throttled").isLessThan(100);
        assertThat(out.substring(out.lastIndexOf('(') + 1, out.lastIndexOf(')'))).matches("[\\d,]+/s");
    }
}
