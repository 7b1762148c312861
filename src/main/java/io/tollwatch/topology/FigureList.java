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
import java.util.Arrays;
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

    /**
     * This list with {@code f} first, its earlier copy gone, and at most {@code limit} figures. The others are
     * copied as bytes, in runs: a busy region's list is rewritten with every figure, so nothing of it is decoded.
     */
    FigureList prepend(Figure f, int limit) {
        byte[] head = entry(identity(f), AVRO.serializer().serialize(null, f));
        int n = ByteBuffer.wrap(bytes).getInt(0);
        int idLength = ((head[0] & 0xFF) << 8) | (head[1] & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + head.length);
        out.writeBytes(new byte[4]); // the count, set below
        out.writeBytes(head);
        int kept = 1;
        int run = 4;
        int at = 4;
        for (int i = 0; i < n && kept < limit; i++) {
            int end = next(at);
            if (sameIdentity(at, head, idLength)) {
                out.write(bytes, run, at - run);
                run = end;
            } else {
                kept++;
            }
            at = end;
        }
        out.write(bytes, run, at - run);
        byte[] all = out.toByteArray();
        ByteBuffer.wrap(all).putInt(0, kept);
        return new FigureList(all);
    }

    /** Where the entry at {@code at} ends: a writeUTF identity, then the Avro bytes' length and the bytes. */
    private int next(int at) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int idEnd = at + 2 + Short.toUnsignedInt(b.getShort(at));
        int end = idEnd + 4 + b.getInt(idEnd);
        if (end > bytes.length || end < idEnd) {
            throw new SerializationException("not a list of figures");
        }
        return end;
    }

    private boolean sameIdentity(int at, byte[] head, int idLength) {
        return Arrays.equals(bytes, at, at + 2 + idLength, head, 0, 2 + idLength);
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

    private static byte[] entry(String id, byte[] avro) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(id.length() + avro.length + 8);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(id);
            out.writeInt(avro.length);
            out.write(avro);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("a figure's identity does not fit", e);
        }
    }
}
