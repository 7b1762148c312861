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
 * A region's latest figures as one value, newest first, the form they travel in between instances: a count, then the
 * figures' entries, the form {@link RecentFigures} keeps them in: each its identity (report, metric, population,
 * counter, place, day) and its Avro bytes. Only a query decodes the figures.
 */
public final class FigureList {
    private static final Serde<Figure> AVRO = PlainAvro.serde(Figure.class);
    private static final char SEP = '\u001f';

    private final byte[] bytes;

    private FigureList(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The newest {@code limit} figures of a region's pages (see {@link RecentFigures}), given oldest first as the store
     * holds them, each page's entries oldest first.
     */
    static FigureList newest(List<byte[]> pagesOldestFirst, int limit) {
        List<Slice> entries = new ArrayList<>();
        for (byte[] page : pagesOldestFirst) {
            for (int at = 0, end; at < page.length; at = end) {
                end = next(page, at);
                entries.add(new Slice(page, at, end));
            }
        }
        int n = Math.min(limit, entries.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(n).array());
        for (int i = entries.size() - 1; i >= entries.size() - n; i--) {
            Slice e = entries.get(i);
            out.write(e.page, e.from, e.to - e.from);
        }
        return new FigureList(out.toByteArray());
    }

    private record Slice(byte[] page, int from, int to) {
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

    /** What makes two figures copies of one: the same report, metric, population, counter, place and day. */
    static String identity(Figure f) {
        return f.getReportId() + SEP + f.getMetric() + SEP + f.getPopulation() + SEP + f.getCounter() + SEP
                + Objects.toString(f.getPlace(), "") + SEP + Objects.toString(f.getDay(), "");
    }

    /** One figure's entry: its identity ({@link #identityBytes}), then its Avro bytes' length and the bytes. */
    static byte[] entry(byte[] id, Figure f) {
        byte[] avro = AVRO.serializer().serialize(null, f);
        return ByteBuffer.allocate(id.length + Integer.BYTES + avro.length).put(id).putInt(avro.length).put(avro).array();
    }

    /** An identity as entries begin with it: modified UTF-8, its length first ({@code writeUTF}). */
    static byte[] identityBytes(String identity) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(identity.length() + 2);
            new DataOutputStream(bytes).writeUTF(identity);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("a figure's identity does not fit", e);
        }
    }

    /** The hash {@link RecentFigures} keeps of an identity ({@link #identityBytes}): {@link Arrays#hashCode(byte[])}. */
    static int identityHash(byte[] identity) {
        return Arrays.hashCode(identity);
    }

    /** The {@link #identityHash} of each entry of a page, in order. */
    static int[] identityHashes(byte[] page) {
        int[] hashes = new int[entries(page)];
        int i = 0;
        for (int at = 0; at < page.length; at = next(page, at)) {
            int idEnd = at + 2 + Short.toUnsignedInt(ByteBuffer.wrap(page).getShort(at));
            hashes[i++] = identityHash(Arrays.copyOfRange(page, at, idEnd));
        }
        return hashes;
    }

    /** How many entries a page holds. */
    static int entries(byte[] page) {
        int n = 0;
        for (int at = 0; at < page.length; at = next(page, at)) {
            n++;
        }
        return n;
    }

    /** The page without the entry of this identity ({@link #identityBytes}), or null if it holds none. */
    static byte[] without(byte[] page, byte[] identity) {
        for (int at = 0; at < page.length; ) {
            int end = next(page, at);
            if (Arrays.equals(page, at, Math.min(at + identity.length, end), identity, 0, identity.length)) {
                byte[] rest = new byte[page.length - (end - at)];
                System.arraycopy(page, 0, rest, 0, at);
                System.arraycopy(page, end, rest, at, page.length - end);
                return rest;
            }
            at = end;
        }
        return null;
    }

    /** Where the entry at {@code at} ends. */
    private static int next(byte[] page, int at) {
        ByteBuffer b = ByteBuffer.wrap(page);
        if (at + 2 > page.length) {
            throw new SerializationException("not a page of figures");
        }
        int idEnd = at + 2 + Short.toUnsignedInt(b.getShort(at));
        if (idEnd + 4 > page.length) {
            throw new SerializationException("not a page of figures");
        }
        int end = idEnd + 4 + b.getInt(idEnd);
        if (end > page.length || end < idEnd + 4) {
            throw new SerializationException("not a page of figures");
        }
        return end;
    }
}
