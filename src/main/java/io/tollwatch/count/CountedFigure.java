package io.tollwatch.count;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One normalised figure as the counting rules see it.
 *
 * @param counter canonical counter name (aliases already resolved)
 * @param region  ISO 3166-2 subdivision or ISO 3166-1 country code
 * @param place   rule 2's place: the identity of the gazetteer place the figure's location resolves to (see
 *                {@code io.tollwatch.place.PlaceIdentity}), else the region; never null (rule 2 keys incidents by it)
 * @param day     the event day (UTC)
 */
public record CountedFigure(String reportId, Instant publishedAt, Metric metric, Population population, long value,
                            Qualifier qualifier, Basis basis, String counter, String region, String place,
                            LocalDate day) {

    /** Far above any real toll (world population × 100), low enough that sums of a key's figures cannot overflow. */
    public static final long MAX_VALUE = 1_000_000_000_000L;

    public CountedFigure {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(day, "day");
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("value out of range [0, " + MAX_VALUE + "]: " + value);
        }
    }

    private static final int FORMAT = 1;

    /** The figure as bytes for an internal topic: format version, then the fields. */
    public byte[] encode() {
        return Codec.encode(FORMAT, out -> {
            Codec.writeString(out, reportId);
            Codec.writeInstant(out, publishedAt);
            Codec.writeEnum(out, metric);
            Codec.writeEnum(out, population);
            out.writeLong(value);
            Codec.writeEnum(out, qualifier);
            Codec.writeEnum(out, basis);
            Codec.writeString(out, counter);
            Codec.writeString(out, region);
            Codec.writeString(out, place);
            Codec.writeDay(out, day);
        });
    }

    /** @throws IllegalArgumentException for bytes of an unknown format version or corrupt bytes */
    public static CountedFigure decode(byte[] bytes) {
        return Codec.decode(bytes, FORMAT, "CountedFigure", in -> new CountedFigure(Codec.readString(in),
                Codec.readInstant(in), Codec.readEnum(in, Metric.class), Codec.readEnum(in, Population.class),
                in.readLong(), Codec.readEnum(in, Qualifier.class), Codec.readEnum(in, Basis.class),
                Codec.readString(in), Codec.readString(in), Codec.readString(in), Codec.readDay(in)));
    }
}
