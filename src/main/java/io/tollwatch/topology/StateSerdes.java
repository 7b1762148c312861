package io.tollwatch.topology;

import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.DailyState;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.function.Function;

/**
 * Serdes of the state stores and internal topics: the counting package's own compact, versioned byte codecs. No
 * registry: internal topics are no contract with users.
 */
final class StateSerdes {
    private StateSerdes() {
    }

    static Serde<CountedFigure> figure() {
        return of(CountedFigure::encode, CountedFigure::decode);
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
