package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollwatch.registry.WireFormat;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Report schemas as other writers (a newer scraper, a broken one) might register them, and records in them. */
final class SchemaVariants {
    private SchemaVariants() {
    }

    /** tollwatch's Report schema with one more field, given as JSON, e.g. an optional one with a default. */
    static Schema reportWithField(String fieldJson) {
        try {
            ObjectNode schema = (ObjectNode) ReportJson.MAPPER.readTree(Report.getClassSchema().toString());
            ((ArrayNode) schema.get("fields")).add(ReportJson.MAPPER.readTree(fieldJson));
            return new Schema.Parser().parse(schema.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** tollwatch's Report schema without the named field. */
    static Schema reportWithout(String field) {
        try {
            ObjectNode schema = (ObjectNode) ReportJson.MAPPER.readTree(Report.getClassSchema().toString());
            ArrayNode fields = (ArrayNode) schema.get("fields");
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).get("name").asText().equals(field)) {
                    fields.remove(i);
                    break;
                }
            }
            return new Schema.Parser().parse(schema.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code report} as a writer with {@code writer} (registered as {@code id}) sends it, with {@code extra} set. */
    static byte[] frame(int id, Schema writer, Report report, Map<String, Object> extra) {
        try {
            ByteArrayOutputStream v1 = new ByteArrayOutputStream();
            BinaryEncoder e1 = EncoderFactory.get().binaryEncoder(v1, null);
            new SpecificDatumWriter<Report>(Report.getClassSchema(), SpecificData.getForClass(Report.class))
                    .write(report, e1);
            e1.flush();
            GenericRecord record = new GenericDatumReader<GenericRecord>(Report.getClassSchema(), writer)
                    .read(null, DecoderFactory.get().binaryDecoder(v1.toByteArray(), null));
            extra.forEach(record::put);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder e2 = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(writer).write(record, e2);
            e2.flush();
            return WireFormat.frame(id, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
