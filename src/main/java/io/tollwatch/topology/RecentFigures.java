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
        byte[] identity = FigureList.identityBytes(FigureList.identity(f));
        if (count > 0 && removeEarlierCopy(region, oldest, newest, identity)) {
            count--;
        }
        Bytes newestKey = pageKey(region, newest);
        byte[] page = store.get(newestKey);
        if (page != null && FigureList.entries(page) >= PAGE) {
            newest++;
            newestKey = pageKey(region, newest);
            page = null;
        }
        store.put(newestKey, concat(page, FigureList.entry(identity, f)));
        count++;
        while (oldest < newest) {
            Bytes oldestKey = pageKey(region, oldest);
            byte[] first = store.get(oldestKey);
            int n = first == null ? 0 : FigureList.entries(first);
            if (count - n < limit) {
                break;
            }
            store.delete(oldestKey);
            count -= n;
            oldest++;
        }
        store.put(metaKey(region), new Meta(newest, oldest, count).encode());
    }

    /** Drops the entry with this identity from the page that holds it, if any; true if there was one. */
    private boolean removeEarlierCopy(String region, long oldest, long newest, byte[] identity) {
        for (long p = newest; p >= oldest; p--) {
            Bytes key = pageKey(region, p);
            byte[] page = store.get(key);
            byte[] without = page == null ? null : FigureList.without(page, identity);
            if (without != null) {
                store.put(key, without);
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
