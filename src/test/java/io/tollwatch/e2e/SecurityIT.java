package io.tollwatch.e2e;

import io.tollwatch.config.Settings;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.ReportJson;
import io.tollwatch.runtime.EmbeddedKafka;
import io.tollwatch.runtime.EmbeddedRegistry;
import io.tollwatch.runtime.TestCertificates;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service in a child JVM, configured by environment variables alone, against a broker that it may only reach
 * over SASL_SSL (SCRAM-SHA-512, a certificate made in the test) and a registry behind TLS and basic authentication;
 * every secret comes from a file named by a {@code *_FILE} variable and none is in the log, though the log is
 * verbose (the Kafka clients' configuration included). Wrong registry credentials stop it with one clear line.
 */
class SecurityIT {
    private static final String SCRAM_PASSWORD = "scram-Pw-8c1e77";
    private static final String STORE_PASSWORD = "store-Pw-42a9d0";
    private static final String REGISTRY_PASSWORD = "registry-Pw-f30b12";

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static EmbeddedRegistry registryProcess;
    static TlsAuthProxy proxy;
    static TestCertificates certs;

    @BeforeAll
    static void start() throws Exception {
        registryProcess = EmbeddedRegistry.launch();
        certs = TestCertificates.make(dir, STORE_PASSWORD);
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), null,
                new EmbeddedKafka.SaslSsl(certs.keyStore(), certs.password()));
        kafka.createScramUser("tollwatch", SCRAM_PASSWORD);
        registryProcess.awaitReady();
        proxy = new TlsAuthProxy(certs, "tollwatch:" + REGISTRY_PASSWORD, registryProcess.url());
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (registryProcess != null) {
            registryProcess.close();
        }
    }

    @Test
    void countsOverSaslSslWithSecretsFromFilesAndLogsNoSecret() throws Exception {
        Map<String, String> env = env("secure", REGISTRY_PASSWORD);
        Path log = dir.resolve("secure.log");
        try (ServiceProcess service = ServiceProcess.start(env, log, "-Dtollwatch.kafka.log=INFO")) {
            service.awaitHealthy(Duration.ofSeconds(120));
            // The test is the scraper: it writes over PLAINTEXT to the registry directly; the service only has the
            // SASL_SSL listener and the secured registry.
            Settings plain = Settings.builder().overrides(Map.of(Settings.BOOTSTRAP, kafka.bootstrapServers(),
                    Settings.REGISTRY_URL, registryProcess.confluentUrl())).build();
            SchemaRegistryClient registry = new SchemaRegistryClient(registryProcess.confluentUrl());
            Report report = ReportJson.parse("""
                    {"report_id":"sec-1","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                     {"metric":"killed","value":17,"basis":"cumulative","counter":"SOHR","location":"Aleppo, Syria"}]}""");
            try (KafkaProducer<String, Report> producer = new KafkaProducer<>(new HashMap<>(plain.kafka()),
                    new StringSerializer(), new AvroSerdes(registry).value(Report.class).serializer())) {
                producer.send(new ProducerRecord<>(plain.topics().reports(), "sec-1", report)).get();
            }
            E2e.consumeUntil(plain, plain.topics().totals(), Duration.ofSeconds(90), all -> {
                Total t = E2e.latestTotals(all, registry, plain.topics().totals()).get("SY-HL|killed|all");
                return t != null && t.getBest() == 17;
            }, service::log);
            String output = service.log();
            assertThat(output).contains("tollwatch starting with").contains("kafka.sasl.jaas.config=****")
                    .contains("schema.registry.basic.auth.user.info=****")
                    .contains("security.protocol = SASL_SSL");
            assertThat(output).doesNotContain(SCRAM_PASSWORD, STORE_PASSWORD, REGISTRY_PASSWORD);
        }
    }

    @Test
    void wrongRegistryCredentialsStopTheServiceWithOneLineNamingTheRegistry() throws Exception {
        Path log = dir.resolve("refused.log");
        try (ServiceProcess service = ServiceProcess.start(env("refused", "not-the-Pw-5e"), log)) {
            assertThat(service.awaitExit(Duration.ofSeconds(90))).isNotZero();
            String output = service.log();
            assertThat(output).contains("tollwatch: schema registry at " + proxy.url()
                    + "/apis/ccompat/v7 refused the credentials (HTTP 401)");
            assertThat(output).doesNotContain("not-the-Pw-5e", SCRAM_PASSWORD, STORE_PASSWORD);
        }
    }

    private static Map<String, String> env(String name, String registryPassword) throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets-" + name));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TOLLWATCH_KAFKA_BOOTSTRAP_SERVERS", kafka.saslSslBootstrapServers());
        env.put("TOLLWATCH_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("TOLLWATCH_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("TOLLWATCH_KAFKA_SASL_JAAS_CONFIG_FILE", secret(secrets, "jaas",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"tollwatch\" password=\""
                        + SCRAM_PASSWORD + "\";"));
        env.put("TOLLWATCH_KAFKA_SSL_TRUSTSTORE_LOCATION", certs.trustStore().toString());
        env.put("TOLLWATCH_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        env.put("TOLLWATCH_KAFKA_SSL_TRUSTSTORE_PASSWORD_FILE", secret(secrets, "store", STORE_PASSWORD));
        env.put("TOLLWATCH_SCHEMA_REGISTRY_URL", proxy.url() + "/apis/ccompat/v7");
        env.put("TOLLWATCH_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_FILE",
                secret(secrets, "registry", "tollwatch:" + registryPassword));
        env.put("TOLLWATCH_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", certs.trustStore().toString());
        env.put("TOLLWATCH_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD_FILE", secret(secrets, "store2", STORE_PASSWORD));
        env.put("TOLLWATCH_APPLICATION_ID", "tollwatch-" + name);
        env.put("TOLLWATCH_STATE_DIR", dir.resolve("state-" + name).toString());
        env.put("TOLLWATCH_HTTP_PORT", "0");
        env.put("TOLLWATCH_KAFKA_COMMIT_INTERVAL_MS", "100");
        return env;
    }

    private static String secret(Path dir, String name, String value) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, value + "\n");
        return file.toString();
    }
}
