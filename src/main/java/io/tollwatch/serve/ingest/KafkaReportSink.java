package io.tollwatch.serve.ingest;

import io.tollwatch.schema.Report;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Produces reports to the reports topic, keyed by report_id, in the Confluent wire format; idempotent, acks=all. */
public final class KafkaReportSink implements ReportSink, AutoCloseable {
    private final KafkaProducer<String, Report> producer;
    private final String topic;

    /** @param kafka the Kafka client settings ({@code kafka.*} without the prefix) */
    public KafkaReportSink(Map<String, String> kafka, String topic, Serializer<Report> reports) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), reports);
        this.topic = topic;
    }

    @Override
    public void send(List<Report> reports) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Report r : reports) {
            sent.add(producer.send(new ProducerRecord<>(topic, r.getReportId(), r)));
        }
        for (Future<RecordMetadata> f : sent) {
            f.get(45, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
