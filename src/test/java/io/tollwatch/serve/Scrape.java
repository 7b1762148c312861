package io.tollwatch.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text-format scrape of a running instance, read back into samples for assertions. */
public record Scrape(String body, List<Sample> samples) {
    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?\\s+(\\S+)");

    public record Sample(String name, String labels, double value) {
    }

    public static Scrape of(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + r.statusCode());
        }
        return parse(r.body());
    }

    public static Scrape parse(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.add(new Sample(m.group(1), m.group(2) == null ? "" : m.group(2), Double.parseDouble(m.group(3))));
            }
        }
        return new Scrape(body, samples);
    }

    public Set<String> names() {
        Set<String> out = new TreeSet<>();
        samples.forEach(s -> out.add(s.name()));
        return out;
    }

    /** The sum of the samples of a name whose labels contain every one of {@code labels} ({@code key="value"}). */
    public double sum(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> List.of(labels).stream().allMatch(l -> s.labels().contains(l)))
                .mapToDouble(Sample::value).sum();
    }

    /** How far {@link #sum} moved since an earlier scrape. */
    public double since(Scrape earlier, String name, String... labels) {
        return sum(name, labels) - earlier.sum(name, labels);
    }

    public boolean has(String name, String labelFragment) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && s.labels().contains(labelFragment));
    }
}
