package io.tollwatch.place;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Every first-level subdivision of every country resolves by its code and its English name. */
class SubdivisionCoverageTest {

    private final Gazetteer g = Gazetteer.defaultGazetteer();

    /** First-level counts per ISO 3166-2 (hand-written from the standard, not from the data). */
    private static final Map<String, Integer> FIRST_LEVEL = Map.ofEntries(
            Map.entry("SY", 14), Map.entry("UA", 27), Map.entry("SD", 18), Map.entry("SS", 10),
            Map.entry("YE", 22), Map.entry("PS", 16), Map.entry("ET", 13), Map.entry("SO", 18),
            Map.entry("CD", 26), Map.entry("NG", 37), Map.entry("ML", 11), Map.entry("BF", 13),
            Map.entry("NE", 8), Map.entry("CM", 10), Map.entry("MZ", 11), Map.entry("AF", 34),
            Map.entry("MM", 15), Map.entry("LB", 8), Map.entry("IL", 6), Map.entry("IQ", 16),
            Map.entry("HT", 10), Map.entry("KE", 47), Map.entry("TD", 23), Map.entry("BD", 8));

    private List<String> firstLevel(String country) {
        List<String> out = new ArrayList<>();
        for (String c : g.codes()) {
            if (c.length() > 2 && c.startsWith(country + "-") && g.parentOf(c).isEmpty()) out.add(c);
        }
        return out;
    }

    @Test
    void firstLevelCountsMatchTheStandard() {
        Map<String, Integer> actual = new TreeMap<>();
        for (String cc : FIRST_LEVEL.keySet()) actual.put(cc, firstLevel(cc).size());
        assertThat(actual).isEqualTo(new TreeMap<>(FIRST_LEVEL));
        assertThat(g.codes().stream().filter(c -> c.length() > 2).count()).isGreaterThan(4900);
        assertThat(g.codes().stream().filter(c -> c.length() == 2).count()).isGreaterThanOrEqualTo(249);
    }

    @Test
    void everySubdivisionResolvesByCode() {
        List<String> bad = new ArrayList<>();
        for (String code : g.codes()) {
            Resolution r = g.resolve(code);
            if (!code.equals(r.region())) bad.add(code + " -> " + r);
            if (!code.toLowerCase().equals(code) && !code.equals(g.resolve(code.toLowerCase()).region())
                    && code.length() > 2) bad.add(code + " (lower case)");
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyFirstLevelSubdivisionResolvesByItsEnglishName() {
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (String code : g.codes()) {
            if (code.length() <= 2 || g.parentOf(code).isPresent()) continue;
            n++;
            String cc = code.substring(0, 2);
            String name = g.regionName(code);
            Resolution r = g.resolve(name, List.of(cc));
            if (code.equals(r.region())) continue;
            // a bare name may be read as a same-named country or town; a designated form must then reach it
            if (code.equals(g.resolve(name + " province", List.of(cc)).region())
                    || code.equals(g.resolve(name + " governorate", List.of(cc)).region())
                    || code.equals(g.resolve(name + " region", List.of(cc)).region())) continue;
            // names the standard gives to two subdivisions of one country (Copenhagen DK-015/DK-101) stay ambiguous
            long siblings = g.candidates(name).stream()
                    .filter(p -> p.level() == Level.SUBDIVISION && cc.equals(p.country())).count();
            if (siblings > 1) continue;
            bad.add(code + " '" + name + "' -> " + r);
        }
        assertThat(n).isGreaterThan(3000);
        assertThat(bad).as("%d of %d", bad.size(), n).isEmpty();
    }

    @Test
    void spotChecksOfEnglishNames() {
        assertThat(g.regionName("SY-HL")).isEqualTo("Aleppo");
        assertThat(g.regionName("SD-DN")).isEqualTo("North Darfur");
        assertThat(g.regionName("SS-NU")).isEqualTo("Upper Nile");
        assertThat(g.regionName("ET-TI")).isEqualTo("Tigray");
        assertThat(g.regionName("CD-NK")).isEqualTo("North Kivu");
        assertThat(g.regionName("SY")).isEqualTo("Syria");
        assertThat(g.regionName("CD")).isEqualTo("DR Congo");
        assertThat(g.regionName("XX-ZZ")).isNull();
    }
}
