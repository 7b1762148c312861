package io.tollwatch.count;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/** Helpers for the byte formats of the count states: a leading format version byte, then big-endian fields. */
final class Codec {
    private Codec() {
    }

    interface Writer {
        void write(BytesOut out);
    }

    interface Reader<T> {
        T read(BytesIn in) throws IOException;
    }

    static byte[] encode(int version, Writer body) {
        BytesOut out = new BytesOut();
        out.writeByte(version);
        body.write(out);
        return out.toByteArray();
    }

    /** Decodes bytes of the given format version; anything else, truncated or with trailing bytes is rejected. */
    static <T> T decode(byte[] bytes, int version, String what, Reader<T> body) {
        try {
            BytesIn in = new BytesIn(bytes);
            int v = in.readUnsignedByte();
            if (v != version) {
                throw new IllegalArgumentException(what + ": unknown format version " + v);
            }
            T value = body.read(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException(what + ": " + in.available() + " trailing bytes");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": corrupt bytes", e);
        }
    }

    /** Strings as an int length and UTF-8 bytes: writeUTF's 64 KiB limit is too small for a free-text place. */
    static void writeString(BytesOut out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(BytesIn in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad string length " + n);
        }
        return in.readUtf8(n);
    }

    static void writeDay(BytesOut out, LocalDate day) {
        out.writeLong(day.toEpochDay());
    }

    static LocalDate readDay(BytesIn in) throws IOException {
        return LocalDate.ofEpochDay(in.readLong());
    }

    static void writeInstant(BytesOut out, Instant t) {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    static Instant readInstant(BytesIn in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    /** The later of two instants, either of which may be null. */
    static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    /** Enums by wire name, so reordering constants cannot silently change stored state. */
    static void writeEnum(BytesOut out, Enum<?> e) {
        writeString(out, Vocabulary.wire(e));
    }

    static <E extends Enum<E>> E readEnum(BytesIn in, Class<E> type) throws IOException {
        String s = readString(in);
        return Vocabulary.parse(type, s).orElseThrow(() -> new IOException("unknown " + type.getSimpleName() + " " + s));
    }

    static int readCount(BytesIn in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    /** A count record's value: four big-endian bytes. */
    static byte[] encodeInt(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    static int decodeInt(byte[] b) {
        if (b.length != 4) {
            throw new IllegalArgumentException("count record of " + b.length + " bytes");
        }
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }
}
