package io.tollwatch.registry;

import io.tollwatch.config.Settings;
import io.tollwatch.runtime.TestCertificates;
import io.tollwatch.schema.Report;
import io.tollwatch.serve.RegistryClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A registry over TLS behind basic authentication, reached from settings alone; wrong credentials are a refusal. */
class SecuredRegistryTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;
    static FakeRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        certs = TestCertificates.make(dir, "store-pass-3141");
        registry = FakeRegistry.secured(certs, "scraper:s3cret-Registry-pw");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static SchemaRegistryClient client(String userInfo, boolean trust) {
        Settings.Builder b = Settings.builder().overrides(Map.of(Settings.REGISTRY_URL, registry.url(),
                Settings.REGISTRY_USER_INFO, userInfo));
        if (trust) {
            b.set(Settings.REGISTRY_TRUSTSTORE, certs.trustStore().toString(), "test")
                    .set(Settings.REGISTRY_TRUSTSTORE_PASSWORD, certs.password(), "test");
        }
        return RegistryClients.from(b.build());
    }

    @Test
    void registersOverTlsWithBasicAuth() {
        assertThat(registry.url()).startsWith("https://");
        SchemaRegistryClient client = client("scraper:s3cret-Registry-pw", true);
        client.setCompatibility("r-value", "FULL");
        int id = client.register("r-value", Report.getClassSchema());
        assertThat(client.byId(id)).isEqualTo(Report.getClassSchema());
        assertThat(registry.compatibility).containsEntry("r-value", "FULL");
    }

    @Test
    void wrongCredentialsAreARefusalNamingTheRegistryAndTheSubjectButNotThePassword() {
        SchemaRegistryClient client = client("scraper:wrong-pw-2718", true);
        assertThatThrownBy(() -> client.register("r-value", Report.getClassSchema()))
                .isInstanceOf(RegistryRefusedException.class)
                .hasMessage("schema registry at " + registry.url() + " refused the credentials (HTTP 401) trying to"
                        + " register a schema under subject 'r-value': Unauthorized")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pw-2718"));
    }

    @Test
    void aRefusalWhileReadingIsNotABadRecordAndNamesTheTopic() {
        int id = client("scraper:s3cret-Registry-pw", true).register("reports-value", Report.getClassSchema());
        byte[] frame = WireFormat.frame(id, new byte[0]);
        AvroDeserializer<Report> deserializer = new AvroDeserializer<>(Report.class, client("scraper:nope-1", true));
        assertThatThrownBy(() -> deserializer.deserialize("reports", frame))
                .isInstanceOf(RegistryRefusedException.class)
                .hasMessageEndingWith("trying to fetch schema id " + id + ": Unauthorized (reading topic reports)");
    }

    @Test
    void anUntrustedCertificateIsNotAccepted() {
        SchemaRegistryClient client = client("scraper:s3cret-Registry-pw", false);
        assertThatThrownBy(client::checkReachable)
                .isInstanceOf(RegistryException.class)
                .isNotInstanceOf(RegistryRefusedException.class)
                .hasMessageContaining("is not reachable");
    }
}
