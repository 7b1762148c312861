package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;

import java.time.LocalDate;

/**
 * One figure read out of a report's text (spec §1–§2).
 *
 * @param metric           killed, injured or displaced
 * @param population       who was counted
 * @param value            the number of people as stated (the lower bound of a range; for households or families,
 *                         the reported number times the country's average household size)
 * @param valueHigh        the upper bound of a range ("between 18,000 and 25,000"), else null
 * @param qualifier        the hedge in front of the number
 * @param basis            cumulative toll or one incident's count
 * @param counter          canonical name of who counted (see {@link Counters}); the report's source when unattributed
 * @param region           ISO 3166-2 subdivision or ISO 3166-1 alpha-2 country; null when unresolved
 * @param country          ISO 3166-1 alpha-2; null when unresolved
 * @param place            the most specific place named for the figure, else null
 * @param unresolvedReason why region is null; null when resolved
 * @param day              the event day (UTC)
 * @param evidence         the sentence the figure was read from
 * @param unit             "households" or "families" when the text counted those, else null
 * @param reportedValue    the number in that unit, else null
 * @param cause            for displaced figures, what displaced the people (from the wording); null otherwise
 * @param placeFrom        which step of place resolution decided the region (spec §2 order)
 */
public record ExtractedFigure(Metric metric, Population population, long value, Long valueHigh, Qualifier qualifier,
                              Basis basis, String counter, String region, String country, String place,
                              String unresolvedReason, LocalDate day, String evidence, String unit,
                              Long reportedValue, Cause cause, PlaceFrom placeFrom) {
}
