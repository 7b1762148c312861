package io.tollwatch.cli;

import io.tollwatch.config.Settings;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.serve.RegistryClients;
import io.tollwatch.schema.Report;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Sends JSON-lines reports to the input topic.",
                "Avro in the Confluent wire format, keyed by report_id."})
final class ProduceCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Parameters(paramLabel = "FILE", description = "Report files (JSON lines); standard input when none.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Settings settings = config.settings(Map.of());
        List<Report> reports = ReportFiles.read(files);
        SchemaRegistryClient registry = RegistryClients.from(settings);
        registry.checkReachable();
        String topic = settings.topics().reports();
        int sent = send(settings, registry, topic, reports, Progress.onTerminal("sent", reports.size()));
        System.err.println("tollwatch: sent " + sent + " reports to " + topic);
        return 0;
    }

    static int send(Settings settings, SchemaRegistryClient registry, String topic, List<Report> reports) throws Exception {
        return send(settings, registry, topic, reports, done -> { });
    }

    static int send(Settings settings, SchemaRegistryClient registry, String topic, List<Report> reports,
                    IntConsumer progress) throws Exception {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerdes(registry).value(Report.class).serializer())) {
            int done = 0;
            for (Report r : reports) {
                producer.send(new ProducerRecord<>(topic, r.getReportId(), r)).get();
                progress.accept(++done);
            }
        }
        return reports.size();
    }
}
