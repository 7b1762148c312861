package io.tollwatch.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters a report has named so far, latest last, each under the words it was named by (its surface and
 * canonical name), so that "the ministry said", "Kiper said" later find the counter meant. Immutable: remembering a
 * name gives a new memory.
 */
final class CounterMemory {
    /** A long report names a few counters; the oldest are forgotten past this. */
    private static final int LIMIT = 64;

    static final CounterMemory EMPTY = new CounterMemory(List.of());

    private record Entry(String words, String canonical) {
    }

    private final List<Entry> entries;

    private CounterMemory(List<Entry> entries) {
        this.entries = entries;
    }

    /** This memory with {@code canonical} named as {@code surface} last. */
    CounterMemory with(String surface, String canonical) {
        List<Entry> next = new ArrayList<>(Math.min(entries.size() + 1, LIMIT));
        next.addAll(entries.size() >= LIMIT ? entries.subList(1, entries.size()) : entries);
        next.add(new Entry(Counters.key(surface) + " " + Counters.key(canonical), canonical));
        return new CounterMemory(List.copyOf(next));
    }

    /** The latest counter named with the word (or words) {@code key}, as a whole word, or null. */
    String latestWith(String key) {
        String word = " " + key + " ";
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if ((" " + e.words() + " ").contains(word)) {
                return e.canonical();
            }
        }
        return null;
    }
}
