package io.tollwatch.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void defaultsAreTheSpecsOwn() {
        Settings s = Settings.defaults();
        assertThat(s.get(Settings.BOOTSTRAP)).isEqualTo("localhost:9092");
        assertThat(s.get(Settings.REGISTRY_URL)).isEqualTo("http://localhost:8081");
        assertThat(s.get(Settings.APPLICATION_ID)).isEqualTo("tollwatch");
        assertThat(s.getInt(Settings.HTTP_PORT)).isEqualTo(8080);
        assertThat(s.topics()).isEqualTo(new Topics("tollwatch.reports.v1", "tollwatch.figures.v1",
                "tollwatch.totals.v1", "tollwatch.daily.v1", "tollwatch.unresolved.v1", "tollwatch.dlq.v1"));
        assertThat(s.kafka()).containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void laterLayersWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tollwatch.properties");
        Files.writeString(file, "http.port=9000\napplication.id=from-file\nkafka.num.stream.threads=2\n");
        Settings s = Settings.builder()
                .file(file)
                .environment(Map.of("TOLLWATCH_APPLICATION_ID", "from-env", "PATH", "/bin",
                        "TOLLWATCH_KAFKA_SECURITY_PROTOCOL", "SSL"))
                .overrides(Map.of("http.port", "9100"))
                .build();
        assertThat(s.get(Settings.APPLICATION_ID)).isEqualTo("from-env");
        assertThat(s.getInt(Settings.HTTP_PORT)).isEqualTo(9100);
        assertThat(s.kafka()).containsEntry("num.stream.threads", "2").containsEntry("security.protocol", "SSL");
    }

    @Test
    void environmentNamesFollowTheConvention() {
        assertThat(Settings.envName("kafka.bootstrap.servers")).isEqualTo("TOLLWATCH_KAFKA_BOOTSTRAP_SERVERS");
        Settings s = Settings.builder().environment(Map.of(
                "TOLLWATCH_KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "TOLLWATCH_HTTP_ADVERTISED_URL", "http://node-1:8080",
                "TOLLWATCH_TOPICS_DLQ", "dead")).build();
        assertThat(s.get(Settings.BOOTSTRAP)).isEqualTo("broker:29092");
        assertThat(s.get(Settings.HTTP_ADVERTISED_URL)).isEqualTo("http://node-1:8080");
        assertThat(s.topics().dlq()).isEqualTo("dead");
    }

    @Test
    void unknownKeysAreErrorsThatNameThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "http.prot=9000\n");
        assertThatThrownBy(() -> Settings.builder().file(file))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.prot").hasMessageContaining("bad.properties");
        assertThatThrownBy(() -> Settings.builder().environment(Map.of("TOLLWATCH_SCHEMA_REGISTRY", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TOLLWATCH_SCHEMA_REGISTRY");
        assertThatThrownBy(() -> Settings.builder().overrides(Map.of("nope", "1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'nope'");
    }

    @Test
    void kafkaKeysThatShadowOwnSettingsConflict() {
        assertThatThrownBy(() -> Settings.builder().overrides(Map.of("kafka.application.id", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("application.id");
    }

    @Test
    void theDeadLetterTopicIsSetAsATopic() {
        assertThatThrownBy(() -> Settings.builder().overrides(Map.of("kafka.errors.dead.letter.queue.topic.name", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'topics.dlq'");
    }

    @Test
    void exactlyOnceCannotBeSwitchedOff(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Settings.builder().overrides(Map.of("kafka.processing.guarantee", "at_least_once")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'kafka.processing.guarantee' cannot be set")
                .hasMessageContaining("exactly-once");
        assertThatThrownBy(() -> Settings.builder().environment(Map.of("TOLLWATCH_KAFKA_PROCESSING_GUARANTEE", "at_least_once")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TOLLWATCH_KAFKA_PROCESSING_GUARANTEE")
                .hasMessageContaining("kafka.processing.guarantee");
        Path file = dir.resolve("eos.properties");
        Files.writeString(file, "kafka.processing.guarantee=exactly_once_v2\n");
        assertThatThrownBy(() -> Settings.builder().file(file))
                .isInstanceOf(ConfigException.class).hasMessageContaining("eos.properties")
                .hasMessageContaining("kafka.processing.guarantee");
    }

    @Test
    void wholeNumbersAreChecked() {
        Settings s = Settings.builder().overrides(Map.of("http.port", "eighty")).build();
        assertThatThrownBy(() -> s.getInt(Settings.HTTP_PORT)).hasMessageContaining("http.port").hasMessageContaining("eighty");
    }

    @Test
    void ingestTokenIsMaskedWhenDescribed() {
        Settings s = Settings.builder().overrides(Map.of("ingest.token", "s3cret")).build();
        assertThat(s.describe()).containsEntry("ingest.token", "****");
        assertThat(s.get(Settings.INGEST_TOKEN)).isEqualTo("s3cret");
    }

    @Test
    void secretsComeFromFilesNamedByFileVariablesAndAreMasked(@TempDir Path dir) throws Exception {
        Path jaas = dir.resolve("jaas");
        Files.writeString(jaas, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"tw\""
                + " password=\"pw-1\";\n");
        Path userInfo = dir.resolve("registry");
        Files.writeString(userInfo, "tw:pw-2\n");
        Settings s = Settings.builder().environment(Map.of(
                "TOLLWATCH_KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString(),
                "TOLLWATCH_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_FILE", userInfo.toString(),
                "TOLLWATCH_KAFKA_SSL_TRUSTSTORE_PASSWORD", "pw-3")).build();
        assertThat(s.kafka()).containsEntry("sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"tw\" password=\"pw-1\";");
        assertThat(s.get(Settings.REGISTRY_USER_INFO)).isEqualTo("tw:pw-2");
        assertThat(s.describe()).containsEntry("kafka.sasl.jaas.config", "****")
                .containsEntry(Settings.REGISTRY_USER_INFO, "****")
                .containsEntry("kafka.ssl.truststore.password", "****");
        assertThat(s.describe().toString()).doesNotContain("pw-1", "pw-2", "pw-3");
    }

    @Test
    void anUnreadableSecretFileIsAnErrorThatNamesTheVariable(@TempDir Path dir) {
        assertThatThrownBy(() -> Settings.builder().environment(Map.of("TOLLWATCH_INGEST_TOKEN_FILE",
                dir.resolve("missing").toString())).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment variable TOLLWATCH_INGEST_TOKEN_FILE: cannot read file");
    }

    @Test
    void compatibilityAndPlausibilityHaveDefaults() {
        Settings s = Settings.defaults();
        assertThat(s.get(Settings.REGISTRY_COMPATIBILITY)).isEqualTo("FULL");
        assertThat(s.getLong(Settings.MAX_FIGURE_VALUE)).isEqualTo(50_000_000L);
    }
}
