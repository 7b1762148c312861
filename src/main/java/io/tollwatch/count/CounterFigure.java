package io.tollwatch.count;

import java.time.LocalDate;

/** One counter's running figure within a total, and the latest event day it speaks for. */
public record CounterFigure(String counter, long value, LocalDate day) {
}
