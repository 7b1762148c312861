package io.tollwatch.place;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped file: keys written by build.mjs fold exactly as Names.key does, and the file loads fast. */
class DataFileTest {

    @Test
    void precomputedKeysMatchTheJavaFolding() throws Exception {
        List<String> bad = new ArrayList<>();
        int names = 0;
        try (InputStream in = Gazetteer.class.getResourceAsStream(Gazetteer.RESOURCE);
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                String[] ns = f[5].split("\\|", -1);
                String[] ks = f[6].split("\\|", -1);
                assertThat(ks).hasSameSizeAs(ns);
                for (int i = 0; i < ns.length; i++) {
                    names++;
                    String n = ns[i].startsWith("~") ? ns[i].substring(1) : ns[i];
                    if (!Names.key(n).equals(ks[i])) bad.add(n + " java=" + Names.key(n) + " js=" + ks[i]);
                }
            }
        }
        assertThat(names).isGreaterThan(35_000);
        assertThat(bad).isEmpty();
    }

    @Test
    void keyFolding() {
        assertThat(Names.key("Deir al-Balah")).isEqualTo(Names.key("Deir el Balah")).isEqualTo("deir balah");
        assertThat(Names.key("Al-Hasakah")).isEqualTo(Names.key("Hasakah"));
        assertThat(Names.key("Dar'a")).isEqualTo(Names.key("Dar’a")).isEqualTo(Names.key("Daraa"));
        assertThat(Names.key("Pont-Sondé")).isEqualTo("pont sonde");
        assertThat(Names.key("Ḩamāh")).isEqualTo("hamah");
        assertThat(Names.key("Al")).isEqualTo("al");
    }

    @Test
    void loadsTheShippedDataFile() throws Exception {
        // How fast is PlaceBench's to say (`bench jmh PlaceBench`): a timing assertion fails on a busy machine.
        Gazetteer g = Gazetteer.loadResource();
        assertThat(g.size()).isGreaterThan(30_000);
    }
}
