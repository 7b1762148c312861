package io.tollwatch.bench;

import io.tollwatch.extract.ExtractedFigure;
import io.tollwatch.extract.Extractor;
import io.tollwatch.schema.Report;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Extraction speed on one core. One operation extracts a generated corpus of exactly {@link #CORPUS_BYTES} bytes of
 * wire-story text (about 1 MB, in ~2.5 KB reports mixing figure sentences with the usual background sentences), so
 * the score in ops/s is megabytes (10^6 bytes) of report text a second.
 *
 * <pre>java -cp target/tollwatch.jar org.openjdk.jmh.Main ExtractBench -f 1 -wi 10 -i 3 -w 2 -r 2</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 3, time = 2)
public class ExtractBench {

    /** Bytes of text one operation reads. */
    public static final int CORPUS_BYTES = 1_000_000;

    /** Places of one country a report: a wire story is about one conflict. */
    private static final String[][] COUNTRIES = {
        {"Aleppo", "Idlib", "Hama", "Latakia", "Sweida", "Damascus"},
        {"Khan Younis", "Rafah", "Gaza City", "Deir al-Balah", "Jenin", "Tulkarm"},
        {"Kharkiv", "Odesa", "Pokrovsk", "Dnipro", "Zaporizhzhia", "Kherson"},
        {"El Fasher", "Omdurman", "Khartoum", "Wad Madani", "Kadugli", "Nyala"},
        {"Goma", "Bukavu", "Beni", "Bunia", "Uvira", "Masisi"},
        {"Maiduguri", "Makurdi", "Jos", "Gusau", "Yola", "Kaduna"},
        {"Mogadishu", "Beledweyne", "Kismayo", "Baidoa", "Garowe", "Jowhar"},
        {"Tyre", "Baalbek", "Nabatieh", "Sidon", "Beirut", "Tripoli"},
        {"Mopti", "Gao", "Timbuktu", "Kidal", "Segou", "Menaka"},
        {"Marib", "Hodeidah", "Taiz", "Sanaa", "Aden", "Saada"},
    };
    private static final ThreadLocal<String[]> PLACES = new ThreadLocal<>();
    private static final String[] COUNTERS = {"the Syrian Observatory for Human Rights", "the health ministry",
        "the UN humanitarian office", "state media", "the International Organization for Migration", "officials",
        "the regional governor", "the civil defence agency", "a local official", "the UN refugee agency"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] FIGURE = {
        "An air strike on a market in %P killed %N people on %D, including %n children, %C said.",
        "The death toll from %D's missile attack on %P rose to %N, %C said.",
        "At least %N civilians were killed and %n others wounded when shells hit a school in %P, according to %C.",
        "Fighting around %P has forced more than %K people from their homes since the start of the month, %C said.",
        "%C put the toll at %N dead and said %n people were still missing in %P.",
        "Gunmen killed %N villagers and wounded %n in a raid near %P overnight, %C said.",
        "More than %K people have been displaced in %P this year, %C reported.",
        "The offensive has killed %N fighters and %n civilians since Wednesday, according to %C.",
        "%N soldiers were killed when their convoy hit a roadside bomb near %P on %D.",
        "Some %n families fled %P after the attack, %C said.",
        "Fifteen of the dead were children, and another %n people were wounded, the ministry said.",
    };
    private static final String[] BACKGROUND = {
        "%P, a city of some %K people, lies about %n kilometres (%n miles) from the border.",
        "The conflict began in 2011 and has drawn in regional and world powers.",
        "Aid agencies said convoys of %n trucks were waiting at the crossing as talks resumed in the capital.",
        "The government has repeatedly denied targeting civilians and blamed the rebels for the violence.",
        "Prices of bread and fuel have risen by %n percent since January, traders in %P said.",
        "The army said it had carried out %n raids on militant positions and destroyed %n vehicles.",
        "Talks brokered by Qatar and Egypt are expected to resume next week, diplomats said.",
        "The UN appealed for $%K million to fund its response plan, which is only %n percent funded.",
        "Residents described scenes of panic as sirens sounded across the city on %D evening.",
        "Analysts said the advance was the most significant shift in the front line since 2020.",
        "The Security Council is due to meet on Thursday to discuss the situation.",
        "Electricity has been cut to large parts of %P for %n days, leaving hospitals running on generators.",
    };

    private Extractor extractor;
    private List<Report> corpus;

    @Setup
    public void setup() {
        extractor = Extractor.defaults();
        corpus = corpus(CORPUS_BYTES, 42);
        // load the gazetteer and let the JIT see the code once before the warm-up iterations
        for (int i = 0; i < 8; i++) {
            for (Report r : corpus) {
                extractor.extract(r);
            }
        }
    }

    /** Reports totalling exactly {@code bytes} characters (ASCII) of text. */
    public static List<Report> corpus(int bytes, long seed) {
        Random rnd = new Random(seed);
        List<Report> out = new ArrayList<>();
        int total = 0;
        int id = 0;
        while (total < bytes) {
            String[] places = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
            PLACES.set(places);
            StringBuilder sb = new StringBuilder(3000);
            while (sb.length() < 2500) {
                String[] pool = rnd.nextInt(3) == 0 ? FIGURE : BACKGROUND;
                sb.append(fill(pool[rnd.nextInt(pool.length)], rnd)).append(' ');
            }
            String text = sb.toString().trim();
            if (total + text.length() > bytes) {
                text = text.substring(0, bytes - total);
            }
            total += text.length();
            out.add(Report.newBuilder()
                .setReportId("bench-" + id++)
                .setSource("AFP")
                .setPublishedAt(Instant.parse("2024-11-29T12:00:00Z"))
                .setLocation(places[rnd.nextInt(places.length)])
                .setText(text)
                .setFigures(new ArrayList<>())
                .build());
        }
        return out;
    }

    private static String fill(String template, Random rnd) {
        String s = template;
        while (s.contains("%P")) {
            String[] places = PLACES.get();
            s = s.replaceFirst("%P", places[rnd.nextInt(places.length)]);
        }
        while (s.contains("%C")) {
            s = s.replaceFirst("%C", COUNTERS[rnd.nextInt(COUNTERS.length)]);
        }
        while (s.contains("%D")) {
            s = s.replaceFirst("%D", DAYS[rnd.nextInt(DAYS.length)]);
        }
        while (s.contains("%N")) {
            s = s.replaceFirst("%N", String.valueOf(2 + rnd.nextInt(300)));
        }
        while (s.contains("%n")) {
            s = s.replaceFirst("%n", String.valueOf(2 + rnd.nextInt(60)));
        }
        while (s.contains("%K")) {
            s = s.replaceFirst("%K", String.format("%,d", 1000 * (1 + rnd.nextInt(900))));
        }
        if (!s.isEmpty() && Character.isLowerCase(s.charAt(0))) {
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    /** One operation: every report of the corpus (1 MB of text). */
    @Benchmark
    public void extractMegabyte(Blackhole bh) {
        for (Report r : corpus) {
            List<ExtractedFigure> figures = extractor.extract(r);
            bh.consume(figures);
        }
    }
}
