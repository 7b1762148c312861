package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;

/**
 * A figure found in a sentence, still without place, counter, basis and day. Immutable.
 *
 * @param num          token index of the number
 * @param qStart       token index where the number's phrase starts (its qualifier: "at least", "another")
 * @param end          token index one past the number (past the high end of a range)
 * @param value        the number (for households or families, the count of those)
 * @param high         the high end of a range, or null
 * @param qualifier    the hedge in front of the number
 * @param metric       killed, injured or displaced
 * @param population   who was counted
 * @param nested       nested in a figure before it ("…, including six children")
 * @param parent       the figure it is nested in, or null
 * @param ofThem       "N of them": refers to the figure before
 * @param tollAnaphora a part of the toll before ("the toll includes 427 fighters"): its counter and basis
 * @param viaActive    got its metric from an active verb, so a list after it shares the verb
 * @param silent       nested but not a population of its own ("including six women"): not emitted
 * @param viaToll      set by a toll ("the toll rose to 21 on Saturday"): a day after it dates the update
 * @param part         a part of a toll named before it: only populations count
 * @param another      "another 75 people", "75 others": continues the figure before
 * @param unit         "households" or "families" when those were counted, else null
 */
record Candidate(int num, int qStart, int end, long value, Long high, Qualifier qualifier, Metric metric,
                 Population population, boolean nested, Candidate parent, boolean ofThem, boolean tollAnaphora,
                 boolean viaActive, boolean silent, boolean viaToll, boolean part, boolean another, String unit) {

    @Override
    public String toString() {
        return metric + "/" + population + "/" + value + (nested ? "(nested)" : "");
    }
}
