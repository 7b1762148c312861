package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The count states' byte formats are what the changelogs and internal topics of a running deployment hold: a new
 * build must read them as they are, so any change to them is a new layout, which needs an application reset (README,
 * "Upgrading"). The digest below was taken when the layout last changed (publication counts per counter track, one
 * report-count record per country, metric and report); every record kind (heads, incidents, reference counts,
 * summaries, rollups), the internal topics' figures and the daily states must come out byte for byte the same.
 */
class CodecFormatTest {
    private static final String DIGEST = "dd4f3438a92e0e394b535e45659b3e0832a2d499fef0033d145740d4a34af22c";

    private static List<CountedFigure> figures() {
        Random rnd = new Random(12);
        String[] regions = {"SY-HL", "SY-DI", "SY", "UA-63", "UA"};
        String[] counters = {"SOHR", "OCHA", "Reuters", "state media"};
        List<CountedFigure> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LocalDate day = LocalDate.parse("2024-03-01").plusDays(rnd.nextInt(40));
            String region = regions[rnd.nextInt(regions.length)];
            out.add(new CountedFigure("r-" + rnd.nextInt(120), Instant.parse("2024-03-01T06:00:00Z")
                    .plusSeconds(rnd.nextInt(40 * 86_400)).plusNanos(rnd.nextInt(1000)),
                    Metric.values()[rnd.nextInt(3)], Population.values()[rnd.nextInt(4)], 1 + rnd.nextInt(300),
                    Qualifier.values()[rnd.nextInt(Qualifier.values().length)], Basis.values()[rnd.nextInt(2)],
                    counters[rnd.nextInt(counters.length)], region, region + "|place-" + rnd.nextInt(6) + "-é", day));
        }
        return out;
    }

    @Test
    void everyFormatIsByteForByteWhatDeploymentsHaveStored() throws Exception {
        InMemoryCountStore store = new InMemoryCountStore();
        Counting counting = new Counting(store);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<DailyState> days = new ArrayList<>();
        for (CountedFigure f : figures()) {
            counting.merge(f);
            sha.update(f.encode());
            if (DailyState.accepts(f)) {
                DailyState d = new DailyState(f.region(), f.metric(), f.population(), f.day());
                d.merge(f);
                days.add(d);
            }
        }
        for (DailyState d : days) {
            sha.update(d.encode());
        }
        List<Map.Entry<byte[], byte[]>> records = store.range(new byte[0], new byte[] {(byte) 0xFF});
        assertThat(records).hasSizeGreaterThan(300);
        for (Map.Entry<byte[], byte[]> r : records) {
            sha.update(ByteBuffer.allocate(8).putInt(r.getKey().length).putInt(r.getValue().length).array());
            sha.update(r.getKey());
            sha.update(r.getValue());
        }
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(DIGEST);
    }

    @Test
    void truncatedTrailingOrUnknownBytesAreRejected() {
        byte[] good = figures().get(0).encode();
        assertThat(CountedFigure.decode(good)).isEqualTo(figures().get(0));
        for (byte[] bad : List.of(Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, 9),
                Arrays.copyOf(good, good.length + 1), new byte[0])) {
            assertThatThrownBy(() -> CountedFigure.decode(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("CountedFigure: ");
        }
        byte[] otherVersion = good.clone();
        otherVersion[0] = 9;
        assertThatThrownBy(() -> CountedFigure.decode(otherVersion)).hasMessage("CountedFigure: unknown format version 9");
    }
}
