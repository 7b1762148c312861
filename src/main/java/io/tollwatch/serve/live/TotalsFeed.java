package io.tollwatch.serve.live;

import io.tollwatch.schema.Total;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every change of any total, whichever instance computed it: a consumer of the whole totals topic (assigned every
 * partition, no group, committed records only), from the end at start, handing each total to the listeners.
 */
public final class TotalsFeed implements TotalsSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TotalsFeed.class);

    private final KafkaConsumer<String, Total> consumer;
    private final String topic;
    private final List<Consumer<Total>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /** @param kafka the Kafka client settings ({@code kafka.*} without the prefix) */
    public TotalsFeed(Map<String, String> kafka, String topic, Deserializer<Total> totals) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), totals);
        this.topic = topic;
        this.thread = new Thread(this::run, "tollwatch-totals-feed");
        thread.setDaemon(true);
    }

    public TotalsFeed start() {
        thread.start();
        return this;
    }

    @Override
    public void listen(Consumer<Total> listener) {
        listeners.add(listener);
    }

    @Override
    public void unlisten(Consumer<Total> listener) {
        listeners.remove(listener);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (ConsumerRecord<String, Total> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.value() != null) {
                            publish(r.value());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    LOG.warn("skipping an unreadable total at {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("the live totals feed stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void publish(Total total) {
        for (Consumer<Total> l : listeners) {
            try {
                l.accept(total);
            } catch (RuntimeException e) {
                LOG.debug("a live listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
