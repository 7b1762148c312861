package io.tollwatch.topology;

import io.tollwatch.config.Settings;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** tollwatch's own Kafka Streams defaults, and {@code kafka.*} settings winning over them and over Kafka's. */
class StreamsPropertiesTest {

    @Test
    void exactlyOnceTheLargerCacheAndBatchesByDefault() {
        StreamsConfig config = new StreamsConfig(StreamsProperties.from(Settings.defaults(), null));
        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(StreamsProperties.CACHE_BYTES);
        assertThat(config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(1);
        assertThat(config.getProducerConfigs("client").get(ProducerConfig.BATCH_SIZE_CONFIG))
                .isEqualTo(StreamsProperties.BATCH_BYTES);
    }

    @Test
    void tasksDoNotIdle() {
        StreamsConfig config = new StreamsConfig(StreamsProperties.from(Settings.defaults(), null));
        assertThat(config.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }

    @Test
    void aKafkaSettingOverridesTheDefaults() {
        Properties p = StreamsProperties.from(Settings.builder()
                .overrides(Map.of("kafka.num.stream.threads", "2", "kafka.commit.interval.ms", "30",
                        "kafka.statestore.cache.max.bytes", "1048576", "kafka.producer.batch.size", "16384")).build(), null);
        StreamsConfig config = new StreamsConfig(p);
        assertThat(config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(1_048_576L);
        assertThat(config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30L);
        assertThat(config.getProducerConfigs("client").get(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo("16384");
    }
}
