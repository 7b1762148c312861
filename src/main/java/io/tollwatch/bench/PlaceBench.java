package io.tollwatch.bench;

import io.tollwatch.place.Gazetteer;
import io.tollwatch.place.Place;
import io.tollwatch.place.Resolution;
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

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Gazetteer load time and resolution throughput.
 * {@code java -cp target/tollwatch.jar org.openjdk.jmh.Main PlaceBench -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class PlaceBench {

    static final int N = 100_000;

    private Gazetteer gazetteer;
    private String[] names;
    private String report;

    @Setup
    public void setup() {
        gazetteer = Gazetteer.defaultGazetteer();
        List<Place> places = gazetteer.places();
        Random rnd = new Random(42);
        List<String> extra = List.of("Khan Younis", "Deir al-Balah", "Kharkiv oblast", "Abu Shouk camp, El Fasher, Sudan",
                "Tawila, North Darfur, Sudan", "Tripoli", "Idleb", "Hasakeh", "the West Bank", "Nowhereville",
                "SY-HL", "Georgia", "Al-Hol camp", "Gaza", "Sanaa governorate");
        names = new String[N];
        for (int i = 0; i < N; i++) {
            names[i] = i % 10 == 0 ? extra.get(rnd.nextInt(extra.size())) : places.get(rnd.nextInt(places.size())).name();
        }
        report = ("Israeli strikes on Khan Younis and Rafah killed 30 people, the health ministry in Gaza said. "
                + "In Sudan, the RSF shelled El Fasher and the Zamzam camp in North Darfur; 14 were killed in Tawila. "
                + "Russian drones hit Kharkiv and Odesa overnight, Ukraine's air force said. ").repeat(5);
    }

    private static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(Gazetteer.RESOURCE)) {
            return Gazetteer.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reading and indexing the shipped data file. */
    @Benchmark
    public Gazetteer load_gazetteer() {
        return load();
    }

    /** Resolving 100,000 names (10% press spellings, paths and unknowns); one op = all 100,000. */
    @Benchmark
    public void resolve_100k(Blackhole bh) {
        for (String n : names) bh.consume(gazetteer.resolve(n));
    }

    /** The acceptance figure: a fresh load followed by 100,000 resolutions. */
    @Benchmark
    public int load_and_resolve_100k() {
        Gazetteer g = load();
        int resolved = 0;
        for (String n : names) {
            Resolution r = g.resolve(n);
            if (r.resolved()) resolved++;
        }
        return resolved;
    }

    /** Scanning a 1.5 KB report for place mentions (Aho-Corasick automaton already built). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int scan_report() {
        return gazetteer.scan(report).size();
    }

    public static void main(String[] args) {
        PlaceBench b = new PlaceBench();
        long t0 = System.nanoTime();
        Gazetteer g = load();
        long t1 = System.nanoTime();
        b.setup();
        long t2 = System.nanoTime();
        b.resolve_100k(new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
        long t3 = System.nanoTime();
        System.out.printf("places=%d load=%d ms, resolve 100k=%d ms%n", g.size(), (t1 - t0) / 1_000_000,
                (t3 - t2) / 1_000_000);
    }
}
