package io.tollwatch.topology;

import io.tollwatch.config.Settings;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsPropertiesTest {

    @Test
    void runsTwoStreamThreadsUnlessKafkaSettingsSayOtherwise() {
        assertThat(StreamsProperties.from(Settings.defaults(), null))
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        Settings one = Settings.builder().overrides(Map.of("kafka.num.stream.threads", "1")).build();
        assertThat(StreamsProperties.from(one, null)).containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    }
}
