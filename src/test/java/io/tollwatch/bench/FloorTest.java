package io.tollwatch.bench;

import io.tollwatch.registry.PlainAvro;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import io.tollwatch.schema.Total;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's floor publishes a key's total only when its largest figure grows, per region, metric and population. */
class FloorTest {
    private static final Serde<Report> REPORT = PlainAvro.serde(Report.class);
    private static final Serde<Total> TOTAL = PlainAvro.serde(Total.class);
    private static final Map<String, String> REGIONS = Map.of("Aleppo", "SY-HL", "Goma", "CD-NK");

    @TempDir
    Path stateDir;

    @Test
    void aTotalOnlyWhenTheLargestFigureGrows() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "floor-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(
                Floor.topology("in", "out", REPORT, TOTAL, REGIONS::get), props)) {
            TestInputTopic<String, Report> in = driver.createInputTopic("in", new StringSerializer(), REPORT.serializer());
            TestOutputTopic<String, Total> out = driver.createOutputTopic("out", new StringDeserializer(),
                    TOTAL.deserializer());
            in.pipeInput("r1", report("r1", figure("Aleppo", "killed", "all", 12), figure("Goma", "displaced", "all", 900)));
            in.pipeInput("r2", report("r2", figure("Aleppo", "killed", "all", 7), figure("Aleppo", "killed", "children", 3)));
            in.pipeInput("r3", report("r3", figure("Aleppo", "killed", "all", 20)));

            List<KeyValue<String, Total>> totals = out.readKeyValuesToList();
            assertThat(totals).extracting(kv -> kv.key + "=" + kv.value.getBest()).containsExactly(
                    "SY-HL|killed|all=12", "CD-NK|displaced|all=900", "SY-HL|killed|children=3", "SY-HL|killed|all=20");
            Total last = totals.get(3).value;
            assertThat(last.getCountry()).isEqualTo("SY");
            assertThat(last.getMetric()).isEqualTo("killed");
            assertThat(last.getPopulation()).isEqualTo("all");
        }
    }

    private static ReportedFigure figure(String place, String metric, String population, long value) {
        return ReportedFigure.newBuilder().setMetric(metric).setValue(value).setPopulation(population)
                .setQualifier("exact").setBasis("incident").setLocation(place).setCounter("AFP")
                .setDate(LocalDate.parse("2024-03-01")).build();
    }

    private static Report report(String id, ReportedFigure... figures) {
        return Report.newBuilder().setReportId(id).setSource("AFP")
                .setPublishedAt(Instant.parse("2024-03-01T10:00:00Z")).setFigures(List.of(figures)).build();
    }
}
