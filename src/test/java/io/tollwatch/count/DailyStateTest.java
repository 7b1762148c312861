package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tollwatch.count.Fig.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyStateTest {
    static DailyState day() {
        return new DailyState("SY-HL", Metric.KILLED, Population.ALL, Fig.DAY);
    }

    @Test
    void deduplicatesPerCounterAndPlaceThenSumsPlaces() {
        DailyState d = day();
        assertThat(d.merge(incident(30).at("A").build())).isTrue();
        assertThat(d.merge(incident(41).at("A").report("r2", "2024-11-29T18:00:00Z").build())).isTrue();
        assertThat(d.merge(incident(30).at("A").report("r3", "2024-11-29T19:00:00Z").build())).isFalse();
        d.merge(incident(5).at("B").build());
        d.merge(incident(40).at("A").by("state media").build());
        DailyTotal t = d.total();
        assertThat(t.best()).isEqualTo(46);
        assertThat(t.low()).isEqualTo(40);
        assertThat(t.incidents()).isEqualTo(3);
        assertThat(t.counters()).containsExactly(new CounterFigure("SOHR", 46, Fig.DAY),
                new CounterFigure("state media", 40, Fig.DAY));
    }

    @Test
    void onlyNonBoundIncidentsOfItsKeyBelong() {
        assertThat(DailyState.accepts(Fig.cumulative(3).build())).isFalse();
        assertThat(DailyState.accepts(incident(3).qualifier(Qualifier.UP_TO).build())).isFalse();
        assertThat(DailyState.accepts(incident(3).qualifier(Qualifier.AT_LEAST).build())).isTrue();
        assertThatThrownBy(() -> day().merge(incident(3).day("2024-11-30").build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> day().merge(Fig.cumulative(3).build())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountrysRowTakesItsOwnIncidentsAndItsSubdivisionsEachOnce() {
        DailyState sy = new DailyState("SY", Metric.KILLED, Population.ALL, Fig.DAY);
        assertThat(DailyState.rows(incident(1).in("SY-HL").build())).containsExactly("SY-HL", "SY");
        assertThat(DailyState.rows(incident(1).in("SY").build())).containsExactly("SY");
        sy.merge(incident(5).in("SY-HL").at("SY-HL/city/azaz").build());
        sy.merge(incident(6).in("SY-HL").at("SY-HL/city/azaz").report("r2", "2024-11-29T18:00:00Z").build());
        sy.merge(incident(3).in("SY-ID").build());
        sy.merge(incident(2).in("SY").build());
        // the same folded name of a place the gazetteer does not know, in two subdivisions: two incidents
        sy.merge(incident(1).in("SY-HL").at("~old mill").build());
        sy.merge(incident(1).in("SY-ID").at("~old mill").build());
        DailyTotal t = sy.total();
        assertThat(t.region()).isEqualTo("SY");
        assertThat(t.best()).isEqualTo(6 + 3 + 2 + 1 + 1);
        assertThat(t.incidents()).isEqualTo(5);
        assertThatThrownBy(() -> sy.merge(incident(1).in("IQ-NI").build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> day().merge(incident(1).in("SY").build())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyDayIsZero() {
        DailyTotal t = day().total();
        assertThat(List.of(t.best(), t.low(), (long) t.incidents())).containsOnly(0L);
    }

    @Test
    void roundTrip() {
        DailyState d = day();
        d.merge(incident(30).at("A").build());
        d.merge(incident(4).at("B").by("state media").build());
        DailyState back = DailyState.decode(d.encode());
        assertThat(back.total()).isEqualTo(d.total());
        assertThat(back.encode()).isEqualTo(d.encode());
    }
}
