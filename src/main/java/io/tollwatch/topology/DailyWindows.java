package io.tollwatch.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.DailyState;
import io.tollwatch.count.Vocabulary;
import io.tollwatch.schema.DailyCount;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.time.Duration;
import java.time.ZoneOffset;

/**
 * Rule 7's one-day windows by event day, with 7 days' grace, in the count's task. Its figures arrive keyed
 * {@code COUNTRY|metric}, and both rows a figure counts in (its region's and its country's) are of that key, so the
 * daily series needs no repartition of its own: the DSL's windowed aggregation, after the key change to
 * {@code REGION|metric|population}, wrote every incident to a repartition topic and read it back, a third of the
 * records the stream thread read for each report.
 * <p>
 * The windows close as the DSL's do: once the latest event day this processor has seen is past a window's end plus
 * the grace, an incident of that window is dropped (and counted, {@code tollwatch.daily.late}); like the DSL's, that
 * latest day starts afresh when the task does. A row is forwarded only when the figure changed it.
 */
final class DailyWindows implements Processor<String, CountedFigure, String, DailyCount> {
    /** Rule 7: one-day windows by event day, accepting reports up to 7 days late. */
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration GRACE = Duration.ofDays(7);
    /** How long after its day's start a window takes incidents, and how long the store keeps it. */
    private static final Duration OPEN = DAY.plus(GRACE);

    private final Counter late;
    private ProcessorContext<String, DailyCount> context;
    private TimestampedWindowStore<String, DailyState> windows;
    private long latestDay = Long.MIN_VALUE;

    DailyWindows(MeterRegistry meters) {
        this.late = Counter.builder("tollwatch.daily.late")
                .description("Incidents left out of the daily series: their day's window had closed (rule 7, 7 days' grace)")
                .register(meters);
    }

    /** Cached, so that the changelog gets a busy day's row once a commit, not once an incident. */
    static StoreBuilder<TimestampedWindowStore<String, DailyState>> store() {
        return Stores.timestampedWindowStoreBuilder(Stores.persistentTimestampedWindowStore(Names.DAILY_STORE,
                OPEN, DAY, false), Serdes.String(), StateSerdes.daily()).withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, DailyCount> context) {
        this.context = context;
        this.windows = context.getStateStore(Names.DAILY_STORE);
    }

    @Override
    public void process(Record<String, CountedFigure> record) {
        CountedFigure f = record.value();
        if (!DailyState.accepts(f)) {
            return;
        }
        long day = f.day().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        latestDay = Math.max(latestDay, day);
        if (day + OPEN.toMillis() <= latestDay) {
            late.increment();
            return;
        }
        String metric = Vocabulary.wire(f.metric());
        String population = Vocabulary.wire(f.population());
        for (String row : DailyState.rows(f)) {
            String key = Keys.regionMetricPopulation(row, metric, population);
            ValueAndTimestamp<DailyState> stored = windows.fetch(key, day);
            DailyState state = stored != null ? stored.value() : new DailyState(row, f.metric(), f.population(), f.day());
            if (state.merge(f)) {
                windows.put(key, ValueAndTimestamp.make(state, day), day);
                KeyValue<String, DailyCount> out = FigureMapping.daily(state.total());
                context.forward(new Record<>(out.key, out.value, day));
            }
        }
    }
}
