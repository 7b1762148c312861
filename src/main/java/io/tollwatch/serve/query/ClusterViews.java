package io.tollwatch.serve.query;

import io.tollwatch.config.Topics;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.http.RouteModule;
import io.tollwatch.topology.FigureList;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link Views} over every instance. A key goes to the instance that owns it ({@code queryMetadataForKey}); a range
 * goes to every instance for exactly the partitions it owns, and is answered only if the owners together cover every
 * partition of the topic once. A rebalance or restore in progress, or a silent instance, is {@link NotReadyException}.
 */
public final class ClusterViews implements Views {
    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalViews local;
    private final PeerClient peers = new PeerClient();
    private final Topics topics;
    private final Map<String, Integer> partitionsByTopic;
    private final Deserializer<Total> totals;
    private final Deserializer<DailyCount> daily;

    /**
     * @param self              this instance's {@code application.server}
     * @param partitionsByTopic the partition count of the totals, daily and figures topics
     * @param totals            the totals topic's value deserializer, which reads the totals view's bytes
     * @param daily             the daily topic's, for the daily view
     */
    public ClusterViews(KafkaStreams streams, HostInfo self, Topics topics, Map<String, Integer> partitionsByTopic,
                        Deserializer<Total> totals, Deserializer<DailyCount> daily) {
        this.streams = streams;
        this.self = self;
        this.local = new LocalViews(streams);
        this.topics = topics;
        this.partitionsByTopic = Map.copyOf(partitionsByTopic);
        this.totals = totals;
        this.daily = daily;
    }

    /** The routes other instances call to reach this one's stores. */
    public RouteModule internalRoutes() {
        return new InternalRoutes(local);
    }

    @Override
    public List<Total> totals(String from, String to) {
        return values(range(ViewStore.TOTALS, topics.totals(), from, to), topics.totals(), totals);
    }

    @Override
    public List<DailyCount> daily(String from, String to) {
        return values(range(ViewStore.DAILY, topics.daily(), from, to), topics.daily(), daily);
    }

    @Override
    public List<Figure> figures(String region) {
        KeyQueryMetadata md;
        try {
            md = streams.queryMetadataForKey(ViewStore.FIGURES.name(), region, Serdes.String().serializer());
        } catch (RuntimeException e) {
            throw new NotReadyException("the stores are not ready: " + e.getMessage());
        }
        if (md == null || md.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new NotReadyException("no instance owns " + region + " right now");
        }
        HostInfo owner = md.activeHost();
        Optional<FigureList> figures = owner.equals(self)
                ? local.figures(region, md.partition())
                : peers.key(owner, ViewStore.FIGURES, region, md.partition());
        return figures.map(FigureList::figures).orElse(List.of());
    }

    private <V> List<KeyValue<String, V>> range(ViewStore<V> store, String topic, String from, String to) {
        List<KeyValue<String, V>> all = new ArrayList<>();
        owners(store.name(), topic).forEach((host, partitions) -> all.addAll(host.equals(self)
                ? local.range(store.name(), from, to, partitions)
                : peers.range(host, store, from, to, partitions)));
        all.sort(Comparator.comparing(kv -> kv.key));
        return all;
    }

    /** Each instance with the partitions of {@code topic} it owns; every partition exactly once, or not ready. */
    private Map<HostInfo, Set<Integer>> owners(String store, String topic) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new NotReadyException("the stores are " + streams.state().name().toLowerCase());
        }
        Collection<StreamsMetadata> metadata;
        try {
            metadata = streams.streamsMetadataForStore(store);
        } catch (RuntimeException e) {
            throw new NotReadyException("the stores are not ready: " + e.getMessage());
        }
        Map<HostInfo, Set<Integer>> owners = new LinkedHashMap<>();
        Set<Integer> covered = new HashSet<>();
        for (StreamsMetadata m : metadata) {
            for (TopicPartition tp : m.topicPartitions()) {
                if (tp.topic().equals(topic)) {
                    if (!covered.add(tp.partition())) {
                        throw new NotReadyException(topic + " partition " + tp.partition() + " is moving");
                    }
                    owners.computeIfAbsent(m.hostInfo(), h -> new TreeSet<>()).add(tp.partition());
                }
            }
        }
        int expected = partitionsByTopic.getOrDefault(topic, -1);
        if (covered.size() != expected) {
            throw new NotReadyException(covered.size() + " of " + expected + " partitions of " + topic + " are assigned");
        }
        return owners;
    }

    private static <V> List<V> values(List<KeyValue<String, byte[]>> entries, String topic, Deserializer<V> read) {
        return entries.stream().map(kv -> read.deserialize(topic, kv.value)).toList();
    }
}
