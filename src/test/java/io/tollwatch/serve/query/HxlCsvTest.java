package io.tollwatch.serve.query;

import io.tollwatch.schema.CounterFigure;
import io.tollwatch.schema.Total;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HxlCsvTest {
    private static Total total(String region, String metric, long best, long low, long high, String counter, String at) {
        return Total.newBuilder().setRegion(region).setRegionName(region.equals("SY") ? "Syria" : "Aleppo").setCountry("SY")
                .setMetric(metric).setPopulation("all").setBest(best).setLow(low).setHigh(high)
                .setCounters(List.of(CounterFigure.newBuilder().setCounter(counter).setValue(best).build()))
                .setReports(1).setUpdatedAt(Instant.parse(at)).build();
    }

    @Test
    void oneRowPerRegionAndPopulationWithTheHashtagRow() {
        String csv = HxlCsv.totals(List.of(
                total("SY", "killed", 277, 277, 277, "SOHR", "2024-11-30T12:00:00Z"),
                total("SY-HL", "displaced", 14000, 14000, 14000, "OCHA", "2024-11-29T18:00:00Z"),
                total("SY-HL", "killed", 277, 4, 300, "=HYPERLINK(\"x\")", "2024-11-30T12:00:00Z")));
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("country,region,region_name,population,killed_best,killed_low,killed_high,"
                + "injured_best,injured_low,injured_high,displaced_best,displaced_low,displaced_high,counters,updated_at");
        assertThat(lines.get(1)).isEqualTo("#country+code,#adm1+code,#adm1+name,#meta+population,#affected+killed+best,"
                + "#affected+killed+min,#affected+killed+max,#affected+injured+best,#affected+injured+min,"
                + "#affected+injured+max,#affected+displaced+best,#affected+displaced+min,#affected+displaced+max,"
                + "#meta+source,#date+reported");
        assertThat(lines.get(2)).isEqualTo("SY,,,all,277,277,277,,,,,,,SOHR,2024-11-30T12:00:00Z");
        assertThat(lines.get(3)).isEqualTo("SY,SY-HL,Aleppo,all,277,4,300,,,,14000,14000,14000,"
                + "\"'=HYPERLINK(\"\"x\"\"); OCHA\",2024-11-30T12:00:00Z");
    }
}
