package io.tollwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @Test
    void aKeptDataFolderSurvivesARestartOnNewPorts(@TempDir Path dir) throws Exception {
        String firstBootstrap;
        String meta;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            firstBootstrap = kafka.bootstrapServers();
            meta = Files.readString(dir.resolve("logs").resolve("meta.properties"));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "before restart")).get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(dir.resolve("logs").resolve("meta.properties")).exists();

        long t0 = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            System.out.printf("restart on a kept data folder in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            assertThat(kafka.bootstrapServers()).isNotEqualTo(firstBootstrap);
            assertThat(Files.readString(dir.resolve("logs").resolve("meta.properties")))
                    .as("not reformatted").isEqualTo(meta);
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "kept-reader",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("kept"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                }
            }
            assertThat(values).containsExactly("before restart");
        }
    }

    @Test
    void aTemporaryDataFolderIsDeletedOnClose() {
        Path dir;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            dir = kafka.dataDir();
            assertThat(dir.resolve("logs")).isDirectory();
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void aFolderInUseByAnotherBrokerFailsClearly(@TempDir Path dir) {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            assertThatThrownBy(() -> EmbeddedKafka.start(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("embedded Kafka could not start in " + dir.toAbsolutePath().normalize())
                    .hasMessageContaining("in use by another running embedded Kafka");
            assertThat(kafka.bootstrapServers()).isNotBlank();
        }
    }
}
