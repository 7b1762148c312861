package io.tollwatch.topology;

import io.tollwatch.registry.PlainAvro;
import io.tollwatch.schema.Figure;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A region's latest figures as the recent-figures view stores them, newest first: a count, then per figure its
 * identity (report, metric, population, counter, place, day) and its Avro bytes. The view changes with every figure,
 * so adding one compares identities and copies bytes; only a query decodes the figures.
 */
public final class FigureList {
    private static final Serde<Figure> AVRO = PlainAvro.serde(Figure.class);
    private static final char SEP = '\u001f';

    private final byte[] bytes;

    private FigureList(byte[] bytes) {
        this.bytes = bytes;
    }

    /** No figures: a count of zero. */
    static final FigureList EMPTY = new FigureList(new byte[4]);

    /** This list with {@code f} first, its earlier copy gone, and at most {@code limit} figures. */
    FigureList prepend(Figure f, int limit) {
        String id = identity(f);
        byte[] avro = AVRO.serializer().serialize(null, f);
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int n = in.readInt();
            ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + avro.length + id.length() + 12);
            DataOutputStream out = new DataOutputStream(body);
            out.writeInt(0); // the count, set below
            write(out, id, avro);
            int kept = 1;
            for (int i = 0; i < n; i++) {
                String other = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                if (kept < limit && !other.equals(id)) {
                    write(out, other, b);
                    kept++;
                }
            }
            out.flush();
            byte[] all = body.toByteArray();
            ByteBuffer.wrap(all).putInt(0, kept);
            return new FigureList(all);
        } catch (IOException e) {
            throw new SerializationException("not a list of figures", e);
        }
    }

    /** The figures, newest first. */
    public List<Figure> figures() {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int n = in.readInt();
            List<Figure> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                list.add(AVRO.deserializer().deserialize(null, b));
            }
            return list;
        } catch (IOException e) {
            throw new SerializationException("not a list of figures", e);
        }
    }

    /** Stored as it is: the bytes are the encoding. */
    public static Serde<FigureList> serde() {
        return Serdes.serdeFrom((topic, list) -> list == null ? null : list.bytes,
                (topic, data) -> data == null ? null : new FigureList(data));
    }

    private static String identity(Figure f) {
        return f.getReportId() + SEP + f.getMetric() + SEP + f.getPopulation() + SEP + f.getCounter() + SEP
                + Objects.toString(f.getPlace(), "") + SEP + Objects.toString(f.getDay(), "");
    }

    private static void write(DataOutputStream out, String id, byte[] avro) throws IOException {
        out.writeUTF(id);
        out.writeInt(avro.length);
        out.write(avro);
    }
}
