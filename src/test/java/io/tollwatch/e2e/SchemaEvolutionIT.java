package io.tollwatch.e2e;

import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.it.LiveStack;
import io.tollwatch.registry.RegistryRefusedException;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.Service;
import io.tollwatch.topology.CodeNormaliser;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema evolution against the real registry: the service sets its subjects to FULL compatibility at start; a
 * scraper on a newer Report schema (one more optional field) is counted; a new required field or a removed field
 * without default is refused by the registry; a writer schema registered elsewhere that tollwatch cannot read is
 * dead-lettered with a clear reason; an incompatible schema already registered under an output subject stops the
 * start with the registry's reason, naming the subject.
 */
class SchemaEvolutionIT {
    private static final String APP = "tollwatch-evolution";

    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static Service service;
    static Settings settings;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() throws Exception {
        settings = live.settings(APP, "state", Map.of());
        registry = live.registry();
        service = live.startCoded(settings);
    }

    @Test
    void aNewerScraperIsCountedAndBreakingChangesAreRefused() throws Exception {
        Topics topics = settings.topics();
        String subject = topics.reports() + "-value";
        Schema newer = SchemaVariants.reportWithField(
                "{\"name\":\"scraper_version\",\"type\":[\"null\",\"string\"],\"default\":null}");
        int newerId = registry.register(subject, newer);
        Report report = ReportJson.parse("""
                {"report_id":"evo-1","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":31,"basis":"cumulative","counter":"SOHR","location":"SY-HL"}]}""");
        send(topics.reports(), "evo-1", SchemaVariants.frame(newerId, newer, report, Map.of("scraper_version", "2.4.0")));
        E2e.consumeUntil(settings, topics.totals(), Duration.ofSeconds(90), all -> {
            Total t = E2e.latestTotals(all, registry, topics.totals()).get("SY-HL|killed|all");
            return t != null && t.getBest() == 31;
        }, () -> "no total from the newer scraper's report");

        Schema newRequired = SchemaVariants.reportWithField("{\"name\":\"scraper_host\",\"type\":\"string\"}");
        assertThatThrownBy(() -> registry.register(subject, newRequired))
                .isInstanceOf(RegistryRefusedException.class)
                .hasMessageContaining("refused to register a schema under subject '" + subject + "' as incompatible");
        Schema removed = SchemaVariants.reportWithout("source");
        assertThatThrownBy(() -> registry.register(subject, removed))
                .isInstanceOf(RegistryRefusedException.class)
                .hasMessageContaining("as incompatible");

        // Why FULL and not BACKWARD: under BACKWARD the registry accepts the removal, which breaks tollwatch, a
        // reader on the older schema (its source field has no default).
        registry.setCompatibility("probe-value", "BACKWARD");
        registry.register("probe-value", Report.getClassSchema());
        assertThat(registry.register("probe-value", removed)).isPositive();

        // Such a schema, registered where nothing checks it, reaches tollwatch: its records are dead-lettered with
        // the reason, the service keeps counting.
        int rogueId = registry.register("probe-value", removed);
        send(topics.reports(), "rogue-1", SchemaVariants.frame(rogueId, removed, report, Map.of()));
        List<ConsumerRecord<String, byte[]>> dead = E2e.consumeUntil(settings, topics.dlq(), Duration.ofSeconds(90),
                all -> !all.isEmpty(), () -> "no dead letter for the unreadable schema");
        assertThat(reason(dead.get(0))).startsWith("cannot read Report from topic " + topics.reports() + ": schema id "
                + rogueId + " is incompatible with this Report schema: ").contains("source");
    }

    @Test
    void anIncompatibleSchemaUnderAnOutputSubjectStopsTheStartNamingIt() throws Exception {
        Schema alien = new Schema.Parser().parse("""
                {"type":"record","name":"Total","namespace":"io.tollwatch.schema","fields":[
                 {"name":"region","type":"int"}]}""");
        registry.register("other.totals-value", alien);
        Settings other = live.settings("tollwatch-other", "state-other",
                Map.of("topics.totals", "other.totals"));
        assertThatThrownBy(() -> new Service(other, CodeNormaliser::figures, code -> code).start())
                .isInstanceOf(RegistryRefusedException.class)
                .hasMessageStartingWith("schema registry at " + live.stack().registryUrl()
                        + " refused to register a schema under subject 'other.totals-value' as incompatible");
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<>(settings.kafka()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static String reason(ConsumerRecord<?, ?> r) {
        Header h = r.headers().lastHeader("__streams.errors.message");
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
