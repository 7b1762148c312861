package io.tollwatch.serve.query;

import io.tollwatch.topology.FigureList;
import io.tollwatch.topology.Names;
import io.tollwatch.topology.QueryViews;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Interactive queries (IQv2) against this instance's own stores. Only active partitions answer: a standby or a
 * restoring partition is a {@link NotReadyException}, so a caller never mistakes a stale copy for the answer.
 */
final class LocalViews {
    private final KafkaStreams streams;

    LocalViews(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The entries of the given partitions in [from, to]; every asked partition must answer. */
    <V> List<KeyValue<String, V>> range(String store, String from, String to, Set<Integer> partitions) {
        RangeQuery<String, V> query = RangeQuery.withRange(from, to);
        StateQueryResult<KeyValueIterator<String, V>> result = run(StateQueryRequest.inStore(store).withQuery(query)
                .withPartitions(partitions).requireActive());
        List<KeyValue<String, V>> out = new ArrayList<>();
        for (int p : partitions) {
            QueryResult<KeyValueIterator<String, V>> r = result.getPartitionResults().get(p);
            check(store, p, r);
            try (KeyValueIterator<String, V> it = r.getResult()) {
                it.forEachRemaining(out::add);
            }
        }
        return out;
    }

    /**
     * A region's latest figures, newest first, from its partition of the figures view; empty when it has none. The
     * index and the pages are two reads, not one snapshot: a page begun or dropped between them leaves the answer at
     * most that page behind.
     */
    Optional<FigureList> figures(String region, int partition) {
        byte[] index = figuresQuery(KeyQuery.<Bytes, byte[]>withKey(QueryViews.figuresIndex(region)), partition);
        if (index == null) {
            return Optional.empty();
        }
        try (KeyValueIterator<Bytes, byte[]> it = figuresQuery(RangeQuery.<Bytes, byte[]>withRange(
                QueryViews.figuresFrom(region, index), QueryViews.figuresTo(region, index)), partition)) {
            return it.hasNext() ? Optional.of(QueryViews.figures(it)) : Optional.empty();
        }
    }

    /** One query on one active partition of the figures view: its result. */
    private <R> R figuresQuery(Query<R> query, int partition) {
        StateQueryResult<R> result = run(StateQueryRequest.inStore(Names.FIGURES_VIEW).withQuery(query)
                .withPartitions(Set.of(partition)).requireActive());
        QueryResult<R> r = result.getPartitionResults().get(partition);
        check(Names.FIGURES_VIEW, partition, r);
        return r.getResult();
    }

    private <R> StateQueryResult<R> run(StateQueryRequest<R> request) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new NotReadyException("the stores are " + streams.state().name().toLowerCase());
        }
        try {
            return streams.query(request);
        } catch (RuntimeException e) {
            throw new NotReadyException("the stores cannot be queried yet: " + e.getMessage());
        }
    }

    private static void check(String store, int partition, QueryResult<?> r) {
        if (r == null || r.isFailure()) {
            String why = r == null ? "not here" : r.getFailureReason() + " " + r.getFailureMessage();
            throw new NotReadyException(store + " partition " + partition + " is not ready: " + why);
        }
    }
}
