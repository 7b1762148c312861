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
        assertThat(compose().get("services").get("tollwatch").get("build").asText()).isEqualTo(".");
    }
}
