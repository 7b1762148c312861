package io.tollwatch.topology;

import io.tollwatch.registry.SchemaNotFoundException;
import io.tollwatch.report.InvalidReportException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a record went to the dead-letter topic, in a few kinds an operator acts on differently (the README's runbook
 * has one entry each). The kind travels on the dead letter as the {@link #HEADER} header, next to Kafka Streams'
 * own {@code __streams.errors.message} with the full sentence, and labels the dead-letter counter.
 */
public enum DeadLetterReason {
    /** The bytes are not a Report in the Confluent wire format (not Avro, wrong magic byte, corrupt). */
    UNDECODABLE,
    /** The record names a schema id the registry does not have. */
    UNKNOWN_SCHEMA,
    /** A decoded report that breaks the input contract (missing field, bad value, impossible date). */
    INVALID_REPORT,
    /** Anything else thrown while processing a valid report: a defect in tollwatch, fixed and then replayed. */
    PROCESSING_ERROR;

    public static final String HEADER = "tollwatch.reason";

    /** The label value: the name in lower case ({@code invalid_report}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeadLetterReason> ofLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst();
    }

    /** The kind of a processing failure (deserialization failures are {@link #ofUndecodable}). */
    static DeadLetterReason ofProcessing(Throwable exception) {
        return causedBy(exception, InvalidReportException.class) ? INVALID_REPORT : PROCESSING_ERROR;
    }

    static DeadLetterReason ofUndecodable(Throwable exception) {
        return causedBy(exception, SchemaNotFoundException.class) ? UNKNOWN_SCHEMA : UNDECODABLE;
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
