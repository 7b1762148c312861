package io.tollwatch.serve.query;

import io.tollwatch.config.ConfigException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How many partitions each topic has: what a complete answer over a store must cover. */
public final class PartitionCounts {
    private PartitionCounts() {
    }

    /** @param kafka the Kafka client settings ({@code kafka.*} without the prefix) */
    public static Map<String, Integer> of(Map<String, String> kafka, List<String> topics) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000);
        try (Admin admin = Admin.create(props)) {
            Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<String, Integer> out = new HashMap<>();
            d.forEach((name, desc) -> out.put(name, desc.partitions().size()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        } catch (Exception e) {
            throw new ConfigException("cannot describe the topics " + topics + ": " + e.getMessage());
        }
    }
}
