package io.tollwatch.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollwatch.schema.Report;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Map;

/**
 * Counts the records read from the reports topic ({@code tollwatch.reports.in}), valid or not, at the one place
 * every one of them passes: the report deserializer of the source.
 */
final class ReportsIn {
    private ReportsIn() {
    }

    static Serde<Report> counted(Serde<Report> serde, MeterRegistry meters) {
        Counter in = Counter.builder("tollwatch.reports.in")
                .description("Records read from the reports topic, before validation").register(meters);
        Deserializer<Report> inner = serde.deserializer();
        Deserializer<Report> counting = new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                inner.configure(configs, isKey);
            }

            @Override
            public Report deserialize(String topic, byte[] data) {
                in.increment();
                return inner.deserialize(topic, data);
            }

            @Override
            public Report deserialize(String topic, Headers headers, byte[] data) {
                in.increment();
                return inner.deserialize(topic, headers, data);
            }

            @Override
            public void close() {
                inner.close();
            }
        };
        return Serdes.serdeFrom(serde.serializer(), counting);
    }
}
