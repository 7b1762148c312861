package io.tollwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tollwatch.config.Settings;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml cannot be run here (no Docker engine), so it is checked statically against the code. */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    private static JsonNode compose() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void imagesArePinnedToTheVersionsTheBuildUses() throws Exception {
        JsonNode services = compose().get("services");
        assertThat(services.get("kafka").get("image").asText()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String apicurio = pom.replaceAll("(?s).*<apicurio.version>([^<]+)</apicurio.version>.*", "$1");
        assertThat(services.get("registry").get("image").asText()).isEqualTo("apicurio/apicurio-registry-mem:" + apicurio);
    }

    @Test
    void theServiceIsConfiguredOnlyWithSettingsItKnows() throws Exception {
        JsonNode tollwatch = compose().get("services").get("tollwatch");
        Map<String, String> env = new LinkedHashMap<>();
        tollwatch.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        Settings s = Settings.builder().environment(env).build();
        assertThat(s.get(Settings.BOOTSTRAP)).isEqualTo("kafka:29092");
        assertThat(s.get(Settings.REGISTRY_URL)).endsWith("/apis/ccompat/v7");
        assertThat(tollwatch.get("command").get(0).asText()).isEqualTo("run");
        assertThat(tollwatch.get("depends_on").fieldNames()).toIterable().containsExactlyInAnyOrder("kafka", "registry");
    }

    @Test
    void theBrokerCanRunExactlyOnceOnOneNode() throws Exception {
        JsonNode env = compose().get("services").get("kafka").get("environment");
        assertThat(env.get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asText()).isEqualTo("1");
        assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asText()).isEqualTo("1");
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS").asText()).contains("kafka:29092");
    }

    @Test
    void theImageBuildsTheJarTheComposeFileRuns() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("target/tollwatch.jar").contains("eclipse-temurin:17");
        assertThat(dockerfile).as("the heap the bench measured the service in").contains("ENV JDK_JAVA_OPTIONS=\"-Xmx512m\"");
        assertThat(compose().get("services").get("tollwatch").get("build").asText()).isEqualTo(".");
    }

    @Test
    void everyImageIsPinnedToAVersion() throws Exception {
        compose().get("services").fields().forEachRemaining(e -> {
            JsonNode image = e.getValue().get("image");
            if (image != null) {
                assertThat(image.asText()).as(e.getKey()).matches("[\\w./-]+:v?\\d[\\w.-]*").doesNotEndWith(":latest");
            } else {
                assertThat(e.getValue().get("build").asText()).as(e.getKey() + " is built from this repository").isEqualTo(".");
            }
        });
    }

    @Test
    void prometheusScrapesTheServiceOnItsHttpPort() throws Exception {
        JsonNode services = compose().get("services");
        Settings s = serviceSettings();
        String port = s.get(Settings.HTTP_PORT);
        assertThat(services.get("tollwatch").get("ports").get(0).asText()).endsWith(":" + port);
        assertThat(s.get(Settings.HTTP_ADVERTISED_URL)).isEqualTo("http://tollwatch:" + port);
        JsonNode scrape = yaml(ROOT.resolve("deploy/prometheus/prometheus.yml")).get("scrape_configs").get(0);
        assertThat(scrape.get("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(scrape.get("static_configs").get(0).get("targets").get(0).asText()).isEqualTo("tollwatch:" + port);
        assertThat(mounts(services.get("prometheus"))).containsEntry("./deploy/prometheus/prometheus.yml",
                "/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboard() throws Exception {
        JsonNode services = compose().get("services");
        String prometheusPort = services.get("prometheus").get("ports").get(0).asText().replaceAll(".*:", "");
        JsonNode ds = yaml(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")).get("datasources").get(0);
        assertThat(ds.get("type").asText()).isEqualTo("prometheus");
        assertThat(ds.get("url").asText()).isEqualTo("http://prometheus:" + prometheusPort);
        JsonNode provider = yaml(ROOT.resolve("deploy/grafana/provisioning/dashboards/tollwatch.yml")).get("providers").get(0);
        Map<String, String> mounts = mounts(services.get("grafana"));
        assertThat(mounts).containsEntry("./deploy/grafana/provisioning", "/etc/grafana/provisioning")
                .containsEntry("./deploy/grafana/dashboards", provider.get("options").get("path").asText());
        Dashboard dashboard = Dashboard.read();
        assertThat(dashboard.panels()).allSatisfy(p -> {
            assertThat(p.get("datasource").get("uid").asText()).isEqualTo(ds.get("uid").asText());
            assertThat(p.get("targets")).isNotEmpty();
        });
    }

    @Test
    void theDashboardShowsWhatOperatorsWatchOnTheServicesTopics() throws Exception {
        Dashboard dashboard = Dashboard.read();
        assertThat(dashboard.metricNames()).contains("tollwatch_reports_in_total", "tollwatch_figures_total",
                "kafka_consumer_fetch_manager_records_lag", "tollwatch_totals_lag_seconds_bucket",
                "tollwatch_dead_letters_total", "tollwatch_figures_unresolved_total",
                "kafka_consumer_coordinator_rebalance_total", "tollwatch_stream_threads", "tollwatch_store_bytes",
                "jvm_memory_used_bytes", "kafka_stream_topic_records_produced_total");
        assertThat(dashboard.topics()).isNotEmpty().isSubsetOf(serviceSettings().topics().all());
        assertThat(dashboard.topics()).contains(serviceSettings().topics().reports(), serviceSettings().topics().totals());
    }

    private static Settings serviceSettings() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        compose().get("services").get("tollwatch").get("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return Settings.builder().environment(env).build();
    }

    private static JsonNode yaml(Path file) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }

    /** host path → container path of a service's bind mounts (the host paths must exist). */
    private static Map<String, String> mounts(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        service.get("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            if (parts[0].startsWith("./")) {
                assertThat(ROOT.resolve(parts[0])).exists();
                out.put(parts[0], parts[1]);
            }
        });
        return out;
    }
}
