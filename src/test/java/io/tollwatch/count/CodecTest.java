package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.tollwatch.count.Fig.cumulative;
import static io.tollwatch.count.Fig.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecTest {
    static RegionMetricState sample() {
        return RegionMetricStateTest.state(cumulative(255), cumulative(24).of(Population.CIVILIANS),
                incident(4).by("state media").of(Population.CIVILIANS).at("résidence, Alep"),
                incident(9).day("2024-11-30").report("r2", "2024-11-30T08:00:00Z"),
                cumulative(300).by("UN").qualifier(Qualifier.UP_TO));
    }

    @Test
    void roundTripKeepsStateAndTotals() {
        RegionMetricState s = sample();
        RegionMetricState back = RegionMetricState.decode(s.encode());
        assertThat(back.region()).isEqualTo("SY-HL");
        assertThat(back.metric()).isEqualTo(Metric.KILLED);
        assertThat(back.totals()).isEqualTo(s.totals());
        assertThat(back.encode()).isEqualTo(s.encode());
        assertThat(back.size()).isEqualTo(s.size());
    }

    @Test
    void decodedStateKeepsCounting() {
        RegionMetricState s = sample();
        RegionMetricState back = RegionMetricState.decode(s.encode());
        CountedFigure later = cumulative(280).day("2024-11-30").report("r3", "2024-11-30T20:00:00Z").build();
        assertThat(back.merge(later)).isEqualTo(s.merge(later)).isTrue();
        assertThat(back.totals()).isEqualTo(s.totals());
    }

    @Test
    void startsWithTheFormatVersion() {
        assertThat(sample().encode()[0]).isEqualTo((byte) 1);
    }

    @Test
    void rejectsUnknownVersionTruncatedAndTrailingBytes() {
        byte[] bytes = sample().encode();
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> RegionMetricState.decode(otherVersion))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> RegionMetricState.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionMetricState.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionMetricState.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
