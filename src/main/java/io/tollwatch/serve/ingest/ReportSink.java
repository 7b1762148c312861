package io.tollwatch.serve.ingest;

import io.tollwatch.schema.Report;

import java.util.List;

/** Where accepted reports go: the reports topic in production ({@link KafkaReportSink}). */
public interface ReportSink {
    /** Returns once every report is durably written, or throws. */
    void send(List<Report> reports) throws Exception;
}
