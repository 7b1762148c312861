package io.tollwatch.topology;

import io.tollwatch.schema.Figure;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the latest figures of each region, at least {@code limit} of them when it has that many: a figure that
 * arrives again (the same report, metric, population, counter, place and day) replaces its earlier copy instead of
 * taking two places.
 *
 * <p>A region's figures are kept in pages of {@link #PAGE} {@link FigureList} entries, oldest first, so that a new
 * figure rewrites only the newest page: one list of a hundred (20 KB) rewritten at every commit was the largest record
 * any changelog carried. Per region, after {@code region NUL}: {@code p} and a page number → the page's entries;
 * {@code n} → the newest and the oldest page number and the count of figures. The oldest page goes once the pages
 * after it hold {@code limit} figures without it.
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
        long newest = meta.newest;
        long oldest = meta.oldest;
        int count = meta.count;
        // Each live page is read once: the repeat check needs them all, and the steps below the newest and the oldest.
        byte[][] pages = new byte[(int) (newest - oldest + 1)][];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = store.get(pageKey(region, oldest + i));
        }
        byte[] identity = FigureList.identityBytes(FigureList.identity(f));
        if (removeEarlierCopy(region, oldest, pages, identity)) {
            count--;
        }
        byte[] page = pages[pages.length - 1];
        if (page != null && FigureList.entries(page) >= PAGE) {
            newest++;
            page = null;
        }
        store.put(pageKey(region, newest), concat(page, FigureList.entry(identity, f)));
        count++;
        for (long first = meta.oldest; oldest < newest; oldest++) {
            byte[] old = pages[(int) (oldest - first)];
            int n = old == null ? 0 : FigureList.entries(old);
            if (count - n < limit) {
                break;
            }
            store.delete(pageKey(region, oldest));
            count -= n;
        }
        store.put(metaKey(region), new Meta(newest, oldest, count).encode());
    }

    /**
     * Drops the entry with this identity from the page that holds it, if any, in the store and in {@code pages} (the
     * pages from {@code oldest} on); true if there was one.
     */
    private boolean removeEarlierCopy(String region, long oldest, byte[][] pages, byte[] identity) {
        for (int i = pages.length - 1; i >= 0; i--) {
            byte[] without = pages[i] == null ? null : FigureList.without(pages[i], identity);
            if (without != null) {
                pages[i] = without;
                store.put(pageKey(region, oldest + i), without);
                return true;
            }
        }
        return false;
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

    /** A region's newest and oldest page number and its count of figures. */
    private record Meta(long newest, long oldest, int count) {
        static Meta decode(byte[] b) {
            if (b == null) {
                return new Meta(0, 0, 0);
            }
            ByteBuffer in = ByteBuffer.wrap(b);
            return new Meta(in.getLong(), in.getLong(), in.getInt());
        }

        byte[] encode() {
            return ByteBuffer.allocate(2 * Long.BYTES + Integer.BYTES).putLong(newest).putLong(oldest).putInt(count)
                    .array();
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
