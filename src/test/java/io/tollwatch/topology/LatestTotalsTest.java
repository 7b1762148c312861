package io.tollwatch.topology;

import io.tollwatch.registry.PlainAvro;
import io.tollwatch.schema.Total;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LatestTotals} between a source whose every record stands for several totals in turn (one input record,
 * one commit: the driver commits after each) and a sink: what a commit sends.
 */
class LatestTotalsTest {
    private static final Serde<Total> TOTAL = PlainAvro.serde(Total.class);

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> updates;
    private TestOutputTopic<String, byte[]> sent;
    private int encoded;

    /** Forwards {@code "SY-HL=5 SY-ID=2"} as a total of best 5 for SY-HL, then one of 2 for SY-ID, a millisecond apart. */
    private static final class Updates implements Processor<String, String, String, Total> {
        private ProcessorContext<String, Total> context;

        @Override
        public void init(ProcessorContext<String, Total> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            String[] updates = record.value().split(" ");
            for (int i = 0; i < updates.length; i++) {
                String[] kv = updates[i].split("=");
                context.forward(new Record<>(kv[0], total(kv[0], Long.parseLong(kv[1])), record.timestamp() + i));
            }
        }
    }

    private static Total total(String region, long best) {
        return Total.newBuilder().setRegion(region).setRegionName(region).setCountry(region.substring(0, 2))
                .setMetric("killed").setPopulation("all").setBest(best).setLow(best).setHigh(best)
                .setUpdatedAt(Instant.parse("2024-11-30T12:00:00Z")).build();
    }

    @BeforeEach
    void start() {
        start(10 << 20);
    }

    private void start(long cacheBytes) {
        if (driver != null) {
            driver.close();
        }
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "updates");
        topology.addProcessor("updates", Updates::new, "in");
        topology.addProcessor(Names.LATEST_TOTALS, () -> new LatestTotals<Total>((topic, total) -> {
            encoded++;
            return TOTAL.serializer().serialize(topic, total);
        }, "totals", Names.TOTALS_BUFFER), "updates");
        topology.addStateStore(LatestTotals.store(Names.TOTALS_BUFFER), Names.LATEST_TOTALS);
        topology.addSink("out", "totals", new StringSerializer(), new ByteArraySerializer(), Names.LATEST_TOTALS);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "latest-totals-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
        driver = new TopologyTestDriver(topology, props);
        updates = driver.createInputTopic("updates", new StringSerializer(), new StringSerializer());
        sent = driver.createOutputTopic("totals", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private List<String> sent() {
        return sent.readRecordsToList().stream()
                .map(r -> r.key() + "=" + TOTAL.deserializer().deserialize("totals", r.value()).getBest() + "@"
                        + r.timestamp())
                .toList();
    }

    @Test
    void aCommitSendsEachKeysLastTotalOnceWithItsTimestamp() {
        updates.pipeInput("a", "SY-HL=5 SY-ID=2 SY-HL=7", 1_000);
        assertThat(sent()).containsExactlyInAnyOrder("SY-HL=7@1002", "SY-ID=2@1001");
    }

    @Test
    void aTotalChangedAndChangedBackWithinACommitIsNotSentAgain() {
        updates.pipeInput("a", "SY-HL=5", 1_000);
        assertThat(sent()).containsExactly("SY-HL=5@1000");
        updates.pipeInput("b", "SY-HL=9 SY-ID=1 SY-HL=5", 2_000);
        assertThat(sent()).containsExactly("SY-ID=1@2001");
        updates.pipeInput("c", "SY-HL=6", 3_000);
        assertThat(sent()).containsExactly("SY-HL=6@3000");
    }

    @Test
    void onlyTheTotalsACommitSendsAreEncoded() {
        updates.pipeInput("a", "SY-HL=5 SY-ID=2 SY-HL=7 SY-HL=8", 1_000);
        assertThat(sent()).hasSize(2);
        assertThat(encoded).isEqualTo(2);
    }

    @Test
    void withoutTheRecordCacheEveryChangeIsSent() {
        start(0);
        updates.pipeInput("a", "SY-HL=5 SY-ID=2 SY-HL=7", 1_000);
        assertThat(sent()).containsExactly("SY-HL=5@1000", "SY-ID=2@1001", "SY-HL=7@1002");
    }

    @Test
    void sentTotalsAreTheTopicsSerializersBytes() {
        updates.pipeInput("a", "SY-HL=5", 1_000);
        byte[] value = sent.readRecord().value();
        assertThat(value).isEqualTo(TOTAL.serializer().serialize("totals", total("SY-HL", 5)));
    }
}
