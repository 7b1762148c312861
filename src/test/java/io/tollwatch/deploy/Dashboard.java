package io.tollwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The provisioned Grafana dashboard, read for what it asks Prometheus: its queries and the metric names in them. */
public record Dashboard(JsonNode json) {
    public static final Path FILE = Path.of(System.getProperty("user.dir"), "deploy", "grafana", "dashboards",
            "tollwatch.json");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "on", "ignoring", "group_left",
            "group_right", "bool", "offset");

    public static Dashboard read() throws IOException {
        return new Dashboard(new ObjectMapper().readTree(FILE.toFile()));
    }

    public List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        json.get("panels").forEach(p -> {
            if (!"row".equals(p.path("type").asText())) {
                out.add(p);
            }
        });
        return out;
    }

    public List<String> queries() {
        List<String> out = new ArrayList<>();
        panels().forEach(p -> p.path("targets").forEach(t -> out.add(t.get("expr").asText())));
        return out;
    }

    /** Every metric name the queries read: identifiers outside label matchers, groupings and function calls. */
    public Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String q : queries()) {
            String bare = q.replaceAll("\"[^\"]*\"", "\"\"")
                    .replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^]]*]", " ")
                    .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ");
            Matcher m = IDENTIFIER.matcher(bare);
            while (m.find()) {
                String id = m.group();
                boolean call = bare.substring(m.end()).stripLeading().startsWith("(");
                if (!call && !KEYWORDS.contains(id)) {
                    names.add(id);
                }
            }
        }
        return names;
    }

    /** The values of {@code topic="…"} and {@code topic=~"a|b"} matchers in the queries. */
    public Set<String> topics() {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("topic=~?\"([^\"]*)\"").matcher(String.join("\n", queries()));
        while (m.find()) {
            out.addAll(List.of(m.group(1).split("\\|")));
        }
        return out;
    }
}
