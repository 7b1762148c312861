package io.tollwatch.count;

import java.io.EOFException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the count states' fields from their bytes, big-endian as {@code DataInputStream} reads them, but straight
 * from the array: the stream classes synchronise on every byte (JFR had decoding at 17% of the stream thread).
 */
final class BytesIn {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
    private int position;

    BytesIn(byte[] bytes) {
        this.bytes = bytes;
    }

    int available() {
        return bytes.length - position;
    }

    int readUnsignedByte() throws EOFException {
        need(1);
        return bytes[position++] & 0xFF;
    }

    boolean readBoolean() throws EOFException {
        return readUnsignedByte() != 0;
    }

    int readInt() throws EOFException {
        need(4);
        int v = (int) INT.get(bytes, position);
        position += 4;
        return v;
    }

    long readLong() throws EOFException {
        need(8);
        long v = (long) LONG.get(bytes, position);
        position += 8;
        return v;
    }

    String readUtf8(int length) throws EOFException {
        need(length);
        String s = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return s;
    }

    private void need(int n) throws EOFException {
        if (n > bytes.length - position) {
            throw new EOFException(n + " bytes wanted, " + (bytes.length - position) + " left");
        }
    }
}
