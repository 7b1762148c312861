package io.tollwatch.topology;

import io.tollwatch.registry.PlainAvro;
import io.tollwatch.schema.Figure;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the latest figures of each region, newest first, at most {@code limit}: a figure that arrives again (the
 * same report, metric, population, counter, place and day) replaces its earlier copy instead of taking two places.
 */
final class RecentFigures implements Processor<String, Figure, Void, Void> {
    private final int limit;
    private KeyValueStore<String, List<Figure>> store;

    RecentFigures(int limit) {
        this.limit = limit;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(Names.FIGURES_VIEW);
    }

    @Override
    public void process(Record<String, Figure> record) {
        Figure f = record.value();
        if (record.key() == null || f == null) {
            return;
        }
        List<Figure> old = store.get(record.key());
        List<Figure> next = new ArrayList<>(limit);
        next.add(f);
        if (old != null) {
            for (Figure o : old) {
                if (next.size() < limit && !sameFigure(o, f)) {
                    next.add(o);
                }
            }
        }
        store.put(record.key(), next);
    }

    private static boolean sameFigure(Figure a, Figure b) {
        return a.getReportId().equals(b.getReportId()) && a.getMetric().equals(b.getMetric())
                && a.getPopulation().equals(b.getPopulation()) && a.getCounter().equals(b.getCounter())
                && Objects.equals(a.getPlace(), b.getPlace()) && Objects.equals(a.getDay(), b.getDay());
    }

    /** A list of figures: a count, then each figure's length and Avro binary. */
    static Serde<List<Figure>> serde() {
        Serde<Figure> figure = PlainAvro.serde(Figure.class);
        return Serdes.serdeFrom((topic, list) -> {
            if (list == null) {
                return null;
            }
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeInt(list.size());
                for (Figure f : list) {
                    byte[] b = figure.serializer().serialize(topic, f);
                    out.writeInt(b.length);
                    out.write(b);
                }
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new SerializationException(e);
            }
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
                int n = in.readInt();
                List<Figure> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    list.add(figure.deserializer().deserialize(topic, b));
                }
                return list;
            } catch (IOException e) {
                throw new SerializationException("not a list of figures", e);
            }
        });
    }
}
