package io.tollwatch.registry;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte 0, the writer schema's registry id as a 4-byte big-endian int, then the
 * record in Avro binary encoding.
 */
public final class WireFormat {
    /** The first byte of every framed record. */
    public static final byte MAGIC = 0;

    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** {@code 0x00, id (big-endian), avro}. */
    public static byte[] frame(int schemaId, byte[] avro) {
        return ByteBuffer.allocate(HEADER_SIZE + avro.length).put(MAGIC).putInt(schemaId).put(avro).array();
    }

    /** The schema id of a framed record; the caller has checked the length and the magic byte. */
    public static int schemaId(byte[] framed) {
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }
}
