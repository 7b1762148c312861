package io.tollwatch.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollwatch.registry.RegistryException;
import io.tollwatch.registry.SchemaNotFoundException;
import io.tollwatch.report.InvalidReportException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputHandlerTest {
    private final BadInputHandler handler = new BadInputHandler();
    private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("tollwatch.reports.v1", 0, 7L,
            "k".getBytes(), new byte[]{1, 2, 3});

    private final ErrorHandlerContext context = new ErrorHandlerContext() {
        public String topic() { return record.topic(); }
        public int partition() { return record.partition(); }
        public long offset() { return record.offset(); }
        public Headers headers() { return new RecordHeaders(); }
        public String processorNodeId() { return "reports-source"; }
        public TaskId taskId() { return new TaskId(0, 0); }
        public long timestamp() { return 0L; }
        public byte[] sourceRawKey() { return record.key(); }
        public byte[] sourceRawValue() { return record.value(); }
    };

    @Test
    void badBytesAreSkippedToTheDeadLetterTopic() {
        assertThat(handler.handleError(context, record, new SerializationException("unknown magic byte 0x01")).result())
                .isEqualTo(Result.RESUME);
        assertThat(handler.handleError(context, record,
                new SerializationException("cannot read", new SchemaNotFoundException(42, "no schema 42"))).result())
                .isEqualTo(Result.RESUME);
    }

    @Test
    void aRegistryOutageStopsTheRecordInsteadOfDeadLetteringIt() {
        assertThat(handler.handleError(context, record,
                new SerializationException("cannot read", new RegistryException("schema registry at http://x is not reachable"))).result())
                .isEqualTo(Result.FAIL);
        assertThat(handler.handleError(context, record, new RegistryException("down")).result()).isEqualTo(Result.FAIL);
    }

    @Test
    void deadLettersCarryTheirReasonAndAreCountedByIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BadInputHandler configured = new BadInputHandler();
        configured.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "tollwatch.dlq.v1",
                StreamsProperties.METER_REGISTRY, meters));
        var unknownSchema = configured.handleError(context, record,
                new SerializationException("cannot read", new SchemaNotFoundException(42, "no schema 42")));
        var notAvro = configured.handleError(context, record, new SerializationException("unknown magic byte 0x01"));
        assertThat(unknownSchema.deadLetterQueueRecords()).singleElement().satisfies(r -> assertThat(
                new String(r.headers().lastHeader(DeadLetterReason.HEADER).value())).isEqualTo("unknown_schema"));
        assertThat(notAvro.deadLetterQueueRecords()).singleElement().satisfies(r -> assertThat(
                new String(r.headers().lastHeader(DeadLetterReason.HEADER).value())).isEqualTo("undecodable"));
        assertThat(meters.get("tollwatch.dead.letters").tag("reason", "unknown_schema").counter().count()).isEqualTo(1);
        assertThat(meters.get("tollwatch.dead.letters").tag("reason", "undecodable").counter().count()).isEqualTo(1);
        assertThat(meters.get("tollwatch.dead.letters").tag("reason", "invalid_report").counter().count()).isZero();
    }

    @Test
    void processingFailuresAreInvalidReportsOrDefects() {
        assertThat(DeadLetterReason.ofProcessing(new InvalidReportException("report x: source is missing")))
                .isEqualTo(DeadLetterReason.INVALID_REPORT);
        assertThat(DeadLetterReason.ofProcessing(new IllegalStateException("bug"))).isEqualTo(DeadLetterReason.PROCESSING_ERROR);
        assertThat(DeadLetterReason.ofLabel("invalid_report")).contains(DeadLetterReason.INVALID_REPORT);
        assertThat(DeadLetterReason.ofLabel("nonsense")).isEmpty();
    }
}
