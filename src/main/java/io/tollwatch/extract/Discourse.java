package io.tollwatch.extract;

import io.tollwatch.count.Basis;

import java.time.LocalDate;

/**
 * What the sentences read so far said, for the sentences that refer back to them: the last figure ("15 of the
 * dead", "the toll rose to…"), its place ("the dead" were where it was), counter ("he said"), basis and incident day
 * ("Another 75 people were wounded"), the counters named ("the ministry said"), and the story's event day (the
 * latest day named, for an incident that names none). Immutable: reading a figure or a sentence gives the next one.
 *
 * @param figure    the last figure that was not nested in another, or null
 * @param place     the last place a figure was resolved to, or null
 * @param counter   the last figure's counter, or null
 * @param basis     the last figure's basis, or null
 * @param day       the last figure's day when it was an incident, else null
 * @param counters  the counters named so far
 * @param eventDay  the latest event day named before the sentence being read, or null
 * @param daysRead  sentences before this index were looked at for the event day
 */
record Discourse(Candidate figure, Pick place, String counter, Basis basis, LocalDate day,
                 CounterMemory counters, LocalDate eventDay, int daysRead) {

    static final Discourse START = new Discourse(null, null, null, null, null, CounterMemory.EMPTY, null, 0);

    /** After figure {@code c} (not nested) was read with this place, counter, basis and day. */
    Discourse afterFigure(Candidate c, Pick where, String counterName, Basis b, LocalDate d) {
        return new Discourse(c, where.region() != null ? where : place, counterName, b,
            b == Basis.INCIDENT ? d : null, counters, eventDay, daysRead);
    }

    Discourse withCounters(CounterMemory m) {
        return new Discourse(figure, place, counter, basis, day, m, eventDay, daysRead);
    }

    Discourse withEventDay(LocalDate d, int read) {
        return new Discourse(figure, place, counter, basis, day, counters, d, read);
    }
}
