package io.tollwatch.bench;

import io.tollwatch.config.Settings;
import io.tollwatch.count.Basis;
import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.CountryRollup;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;
import io.tollwatch.count.Vocabulary;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import io.tollwatch.schema.Total;
import io.tollwatch.topology.StreamsProperties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What this machine allows any design of the spec: its shape and nothing else. Each structured figure of a report
 * crosses one repartition topic to the task of its region and metric, where a cached, changelogged store keeps each
 * key's largest figure and publishes a total (Avro, through the registry) when it grows. These are the service's two
 * exactly-once hops, decoders and settings without its rules, views, dead-letter checks, figures and daily topics. Its
 * drain rate and its latency, measured as the service's are, bound what the service can reach here.
 */
final class Floor {
    /** Not prefixed by the service's application id: its internal topics are not the measured service's. */
    static final String APPLICATION_ID = "floor-tollwatch";
    private static final String REPARTITION = "by-region-metric";
    private static final String STORE = "largest-figure";

    /** Its drain (reports a second, CPU milliseconds a report of all the bench's processes) and its latency. */
    record Result(double reportsPerSecond, double cpuMsPerReport, Latency.Result latency) {
    }

    private Floor() {
    }

    /** The repartition topic where its first hop ends. */
    static String firstHopTopic() {
        return APPLICATION_ID + "-" + REPARTITION + "-repartition";
    }

    static Topology topology(String input, String output, Serde<Report> reports, Serde<Total> totals,
                             UnaryOperator<String> regionOf) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.Long()).withCachingEnabled());
        Serde<CountedFigure> figures = Serdes.serdeFrom((topic, f) -> f.encode(), (topic, b) -> CountedFigure.decode(b));
        builder.stream(input, Consumed.with(Serdes.String(), reports).withName("floor-reports"))
                .flatMap((id, r) -> r.getFigures().stream().map(f -> counted(r, f, regionOf))
                        .map(f -> KeyValue.pair(f.region() + "|" + Vocabulary.wire(f.metric()), f)).toList(),
                        Named.as("floor-figures"))
                .repartition(Repartitioned.with(Serdes.String(), figures).withName(REPARTITION))
                .process(Largest::new, Named.as("floor-largest"), STORE)
                .to(output, Produced.with(Serdes.String(), totals).withName("floor-totals"));
        return builder.build();
    }

    /**
     * Warms the floor up as the service is ({@link WarmUp}), pauses it, loads {@code load} on {@code input} and times
     * its drain; then sends probes at {@code rate} for {@code latencyTime}, as the service's latency phase does.
     */
    static Result measure(SeparateStack stack, Settings settings, Topology topology, String input, String output,
                          AvroSerdes avro, List<Report> load, int warmUpReports, int warmUpRounds, double rate,
                          Duration latencyTime, UnaryOperator<String> regionOf, PrintStream log) throws Exception {
        Serializer<Report> reports = avro.value(Report.class).serializer();
        try (Drain drain = new Drain(stack.bootstrapServers(), APPLICATION_ID, input);
             KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.from(settings, null))) {
            streams.start();
            ServiceBench.awaitRunning(List.of(streams));
            WarmUp.run(stack.bootstrapServers(), input, reports, drain, warmUpReports, warmUpRounds, log);
            streams.pause();
            WarmUp.send(stack.bootstrapServers(), input, reports, load);
            TimedDrain timed = TimedDrain.resume(stack, List.of(streams), drain, load.size());
            Latency.Result latency = Latency.measure(stack.bootstrapServers(), input, reports, output,
                    avro.value(Total.class).deserializer(), firstHopTopic(), rate, latencyTime, load.size(), regionOf,
                    () -> { });
            return new Result(timed.reportsPerSecond(), timed.cpuMsPerReport(), latency);
        }
    }

    private static CountedFigure counted(Report r, ReportedFigure f, UnaryOperator<String> regionOf) {
        String region = regionOf.apply(f.getLocation());
        return new CountedFigure(r.getReportId(), r.getPublishedAt(),
                Vocabulary.parse(Metric.class, f.getMetric()).orElseThrow(),
                Vocabulary.parse(Population.class, f.getPopulation()).orElseThrow(), f.getValue(),
                Vocabulary.parse(Qualifier.class, f.getQualifier()).orElseThrow(),
                Vocabulary.parse(Basis.class, f.getBasis()).orElseThrow(), f.getCounter(), region, region, f.getDate());
    }

    /** Keeps each (region, metric, population)'s largest figure and forwards a total when it grows. */
    private static final class Largest implements Processor<String, CountedFigure, String, Total> {
        private ProcessorContext<String, Total> context;
        private KeyValueStore<String, Long> store;

        @Override
        public void init(ProcessorContext<String, Total> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, CountedFigure> record) {
            CountedFigure f = record.value();
            String key = record.key() + "|" + Vocabulary.wire(f.population());
            Long best = store.get(key);
            if (best != null && best >= f.value()) {
                return;
            }
            store.put(key, f.value());
            context.forward(record.withKey(key).withValue(Total.newBuilder()
                    .setRegion(f.region()).setRegionName(f.region()).setCountry(CountryRollup.countryOf(f.region()))
                    .setMetric(Vocabulary.wire(f.metric())).setPopulation(Vocabulary.wire(f.population()))
                    .setBest(f.value()).setLow(f.value()).setHigh(f.value()).setCounters(List.of()).setParts(List.of())
                    .setReports(1).setUpdatedAt(Instant.ofEpochMilli(record.timestamp())).build()));
        }
    }
}
