package io.tollwatch.count;

/** One subdivision's best within its country's total (rule 5), so that a country's best can show where it comes from. */
public record RegionPart(String region, long best) {
}
