package io.tollwatch.topology;

import io.tollwatch.count.CountryRollup;
import io.tollwatch.count.DailyState;
import io.tollwatch.count.RegionMetricState;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.function.Function;

/** Serdes of the state stores and internal topics: the counting package's own compact, versioned byte codecs. */
final class StateSerdes {
    private StateSerdes() {
    }

    static Serde<RegionMetricState> regionMetric() {
        return of(RegionMetricState::encode, RegionMetricState::decode);
    }

    static Serde<CountryRollup> rollup() {
        return of(CountryRollup::encode, CountryRollup::decode);
    }

    static Serde<DailyState> daily() {
        return of(DailyState::encode, DailyState::decode);
    }

    private static <T> Serde<T> of(Function<T, byte[]> encode, Function<byte[], T> decode) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : encode.apply(value),
                (topic, bytes) -> bytes == null ? null : decode.apply(bytes));
    }
}
