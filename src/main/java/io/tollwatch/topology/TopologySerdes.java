package io.tollwatch.topology;

import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the topics (Avro in the Confluent wire format, registry-backed in production). */
public record TopologySerdes(Serde<Report> report, Serde<Figure> figure, Serde<Total> total, Serde<DailyCount> daily) {
}
