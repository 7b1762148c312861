package io.tollwatch.topology;

import io.tollwatch.schema.Figure;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the latest figures of each region, at least {@code limit} of them when it has that many: a figure that
 * arrives again (the same report, metric, population, counter, place and day) replaces its earlier copy instead of
 * taking two places.
 *
 * <p>A region's figures are kept in pages of {@link #PAGE} {@link FigureList} entries, oldest first, so that a new
 * figure rewrites only the newest page: one list of a hundred (20 KB) rewritten at every commit was the largest record
 * any changelog carried. Per region, after {@code region NUL}: {@code p} and a page number → the page's entries;
 * {@code n} → the index: the newest and the oldest page number, the count of figures, then each page's identity
 * hashes, oldest page first. With the hashes a figure reads only the pages that may hold its earlier copy (usually
 * none) and the newest, instead of every page. An index written before the hashes (its first 20 bytes alone, which
 * is all the query side reads) gets them from its pages the next time the region takes a figure. The oldest page goes
 * once the pages after it hold {@code limit} figures without it.
 */
final class RecentFigures implements Processor<String, Figure, Void, Void> {
    static final int PAGE = 10;
    private static final byte PAGE_KIND = 'p';
    private static final byte META = 'n';

    private final int limit;
    private KeyValueStore<Bytes, byte[]> store;

    RecentFigures(int limit) {
        this.limit = limit;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(Names.FIGURES_VIEW);
    }

    @Override
    public void process(Record<String, Figure> record) {
        Figure f = record.value();
        if (record.key() == null || f == null) {
            return;
        }
        String region = record.key();
        Meta meta = Meta.decode(store.get(metaKey(region)));
        long oldest = meta.oldest;
        List<int[]> hashes = meta.hashes != null ? new ArrayList<>(meta.hashes) : hashesOfPages(region, meta);
        byte[] identity = FigureList.identityBytes(FigureList.identity(f));
        int hash = FigureList.identityHash(identity);
        removeEarlierCopy(region, oldest, hashes, identity, hash);
        long newest = meta.newest;
        byte[] page = null;
        if (hashes.get(hashes.size() - 1).length >= PAGE) {
            newest++;
            hashes.add(new int[0]);
        } else {
            page = store.get(pageKey(region, newest));
        }
        store.put(pageKey(region, newest), concat(page, FigureList.entry(identity, f)));
        hashes.set(hashes.size() - 1, append(hashes.get(hashes.size() - 1), hash));
        int count = figures(hashes);
        while (oldest < newest && count - hashes.get(0).length >= limit) {
            store.delete(pageKey(region, oldest));
            count -= hashes.remove(0).length;
            oldest++;
        }
        store.put(metaKey(region), new Meta(newest, oldest, hashes).encode());
    }

    /** The identity hashes of a region's pages, read from the pages: for an index written before it kept them. */
    private List<int[]> hashesOfPages(String region, Meta meta) {
        List<int[]> hashes = new ArrayList<>();
        for (long p = meta.oldest; p <= meta.newest; p++) {
            byte[] page = store.get(pageKey(region, p));
            hashes.add(page == null ? new int[0] : FigureList.identityHashes(page));
        }
        return hashes;
    }

    /**
     * Drops the entry with this identity from the page that holds it, if any, newest page first, reading only the pages
     * whose hashes include its hash.
     */
    private void removeEarlierCopy(String region, long oldest, List<int[]> hashes, byte[] identity, int hash) {
        for (int i = hashes.size() - 1; i >= 0; i--) {
            int at = indexOf(hashes.get(i), hash);
            if (at < 0) {
                continue;
            }
            byte[] page = store.get(pageKey(region, oldest + i));
            byte[] without = page == null ? null : FigureList.without(page, identity);
            if (without != null) {
                store.put(pageKey(region, oldest + i), without);
                hashes.set(i, removeAt(hashes.get(i), at));
                return;
            }
        }
    }

    /** How many figures the pages of these hashes hold. */
    private static int figures(List<int[]> hashes) {
        int n = 0;
        for (int[] page : hashes) {
            n += page.length;
        }
        return n;
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static int[] removeAt(int[] values, int at) {
        int[] out = new int[values.length - 1];
        System.arraycopy(values, 0, out, 0, at);
        System.arraycopy(values, at + 1, out, at, values.length - at - 1);
        return out;
    }

    private static int[] append(int[] values, int v) {
        int[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = v;
        return out;
    }

    private static byte[] concat(byte[] page, byte[] entry) {
        if (page == null) {
            return entry;
        }
        byte[] all = new byte[page.length + entry.length];
        System.arraycopy(page, 0, all, 0, page.length);
        System.arraycopy(entry, 0, all, page.length, entry.length);
        return all;
    }

    /**
     * A region's index: its newest and oldest page number and each page's identity hashes from the oldest page on (null
     * when the index was written before it kept them). The count of figures, written after the page numbers for the
     * indexes' older readers, follows from the hashes.
     */
    private record Meta(long newest, long oldest, List<int[]> hashes) {
        private static final int HEAD = 2 * Long.BYTES + Integer.BYTES;

        static Meta decode(byte[] b) {
            if (b == null) {
                return new Meta(0, 0, List.of(new int[0]));
            }
            ByteBuffer in = ByteBuffer.wrap(b);
            long newest = in.getLong();
            long oldest = in.getLong();
            in.getInt(); // the count: the hashes give it, and an index without them has its hashes read from its pages
            if (!in.hasRemaining()) {
                return new Meta(newest, oldest, null);
            }
            List<int[]> hashes = new ArrayList<>();
            for (long p = oldest; p <= newest; p++) {
                int[] page = new int[Short.toUnsignedInt(in.getShort())];
                for (int i = 0; i < page.length; i++) {
                    page[i] = in.getInt();
                }
                hashes.add(page);
            }
            return new Meta(newest, oldest, hashes);
        }

        byte[] encode() {
            int size = HEAD;
            for (int[] page : hashes) {
                size += Short.BYTES + page.length * Integer.BYTES;
            }
            ByteBuffer out = ByteBuffer.allocate(size).putLong(newest).putLong(oldest).putInt(figures(hashes));
            for (int[] page : hashes) {
                out.putShort((short) page.length);
                for (int h : page) {
                    out.putInt(h);
                }
            }
            return out.array();
        }
    }

    /** The key of a region's page numbers and count. */
    static Bytes metaKey(String region) {
        return key(region, META, new byte[0]);
    }

    /** The key of a region's oldest page, from the value of its {@link #metaKey}. */
    static Bytes oldestPage(String region, byte[] meta) {
        return pageKey(region, Meta.decode(meta).oldest);
    }

    /** The key of a region's newest page, from the value of its {@link #metaKey}. */
    static Bytes newestPage(String region, byte[] meta) {
        return pageKey(region, Meta.decode(meta).newest);
    }

    private static Bytes pageKey(String region, long page) {
        return key(region, PAGE_KIND, ByteBuffer.allocate(Long.BYTES).putLong(page).array());
    }

    private static Bytes key(String region, byte kind, byte[] rest) {
        byte[] r = region.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(r.length + 2 + rest.length);
        return Bytes.wrap(b.put(r).put((byte) 0).put(kind).put(rest).array());
    }
}
