package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import io.tollwatch.count.Metric;
import io.tollwatch.place.Gazetteer;
import io.tollwatch.schema.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads every figure of people killed, injured or displaced out of a report's text (spec §1–§2), in stages: the
 * report's context once ({@link ReportContext}); per sentence with a trigger ({@link Triggers}), its tokens without
 * asides ({@link Asides}), the candidate figures ({@link FigureReader}), who counted ({@link Attribution},
 * {@link CounterResolver}), cumulative or incident ({@link SentenceCues}, {@link BasisRule}), where
 * ({@link PlaceResolver}) and which day ({@link DayResolver}); what earlier sentences said is a {@link Discourse}
 * passed from sentence to sentence. Immutable and thread-safe; never throws on odd text (it yields what it can).
 */
public final class Extractor {

    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

    private static volatile Extractor defaults;

    /** Sentences (and reports) the rules failed on: each is logged once and counted here, never swallowed. */
    private final LongAdder failures = new LongAdder();

    private final PlaceLookup places;
    private final FigureReader reader = new FigureReader();
    private final CounterResolver counters;
    private final Demonyms demonyms = new Demonyms();
    private final Households households = new Households();

    public Extractor(Gazetteer gazetteer, Counters counters) {
        this(new GazetteerPlaces(gazetteer), counters);
    }

    Extractor(PlaceLookup places, Counters counters) {
        this.places = Objects.requireNonNull(places);
        this.counters = new CounterResolver(Objects.requireNonNull(counters), demonyms);
    }

    /** The shipped gazetteer (or none, when it cannot be loaded: figures then come out unresolved) and counters. */
    public static Extractor defaults() {
        Extractor e = defaults;
        if (e == null) {
            synchronized (Extractor.class) {
                e = defaults;
                if (e == null) {
                    Gazetteer g;
                    try {
                        g = Gazetteer.defaultGazetteer();
                    } catch (RuntimeException | Error ex) {
                        g = null;
                    }
                    e = new Extractor(new GazetteerPlaces(g), Counters.defaults());
                    defaults = e;
                }
            }
        }
        return e;
    }

    /** Every figure in the report's text, in text order. Structured figures are not read here. */
    public List<ExtractedFigure> extract(Report report) {
        if (report == null || report.getText() == null) {
            return List.of();
        }
        try {
            return run(report);
        } catch (RuntimeException | StackOverflowError e) {
            failed(report, "the report", e);
            return List.of();
        }
    }

    /**
     * How many sentences (or whole reports) the rules failed on since this extractor was made: a defect to look
     * into (each one is logged with its report id), not bad input. For a metrics gauge.
     */
    public long failures() {
        return failures.sum();
    }

    private void failed(Report report, String what, Throwable e) {
        failures.increment();
        LOG.warn("report {}: {} could not be read and yields no figures ({})", report.getReportId(), what, e.toString());
    }

    private List<ExtractedFigure> run(Report report) {
        String text = TextClean.clean(report.getText().toString());
        if (text.isBlank()) {
            return List.of();
        }
        List<Sentences.Span> sentences = Sentences.split(text);
        ReportContext ctx = null;
        ReportPlaces reportPlaces = null;
        Discourse d = Discourse.START;
        List<ExtractedFigure> out = new ArrayList<>();
        int si = 0;
        int from = 0;
        while (si < sentences.size()) {
            int pos = Triggers.next(text, from);
            if (pos < 0) {
                break;
            }
            while (si < sentences.size() && sentences.get(si).end() <= pos) {
                si++;
            }
            if (si >= sentences.size()) {
                break;
            }
            Sentences.Span s = sentences.get(si);
            if (pos >= s.start()) {
                if (ctx == null) {
                    // the context costs a gazetteer look-up and a scan for nationalities: only for reports that
                    // may hold a figure
                    ctx = new ReportContext(report, text, sentences, counters.source(report.getSource()), places,
                        demonyms);
                    reportPlaces = new ReportPlaces(ctx, places);
                }
                d = DayResolver.advance(ctx, d, s.start());
                try {
                    d = readSentence(ctx, reportPlaces, d, s, out);
                } catch (RuntimeException | StackOverflowError e) {
                    // a sentence the rules cannot read yields nothing; the rest of the report still counts
                    failed(report, "the sentence at " + s.start() + "-" + s.end(), e);
                }
                from = s.end();
                si++;
            } else {
                from = pos + 1;
            }
        }
        return dedupe(out);
    }

    /**
     * A figure the report repeats counts once: same metric, population, value, basis, counter, day and place (as
     * named, else the region). Equal figures at different places are different incidents (spec §3 rule 2).
     */
    private static List<ExtractedFigure> dedupe(List<ExtractedFigure> in) {
        if (in.size() < 2) {
            return in;
        }
        Map<List<Object>, ExtractedFigure> seen = new LinkedHashMap<>();
        for (ExtractedFigure f : in) {
            List<Object> k = Arrays.asList(f.metric(), f.population(), f.value(), f.basis(), f.region(),
                f.counter(), f.day(), f.place());
            seen.putIfAbsent(k, f);
        }
        return new ArrayList<>(seen.values());
    }

    /** Reads the figures of one sentence into {@code out}; returns what the report has said after it. */
    private Discourse readSentence(ReportContext ctx, ReportPlaces reportPlaces, Discourse before, Sentences.Span s,
                                   List<ExtractedFigure> out) {
        Token[] t = Asides.tokens(ctx.text, s.start(), s.end());
        if (!anyNumber(t)) {
            return before;
        }
        List<Candidate> cands = reader.read(t, before.figure());
        if (cands.isEmpty()) {
            return before;
        }
        List<Attribution.Attr> attrs = Attribution.find(ctx.text, t);
        SentenceCues cues = SentenceCues.of(t, attrs);
        PlaceResolver.SentencePlaces sp = PlaceResolver.sentence(ctx, reportPlaces, before, t, cands, attrs, cues, s);
        String evidence = ctx.text.substring(s.start(), s.end());
        Map<Candidate, ExtractedFigure> made = new IdentityHashMap<>();
        Discourse d = before;
        CounterMemory memory = before.counters();
        LocalDate sentenceDay = null;
        for (Candidate c : cands) {
            PlaceResolver.Placed placed = PlaceResolver.figure(ctx, reportPlaces, d, sp, c, cues);
            Pick where = placed.pick();
            ExtractedFigure parent = c.parent() != null ? made.get(c.parent()) : null;
            Basis basis = parent != null ? parent.basis() : BasisRule.of(d, c, cues);
            String counter;
            if (parent != null) {
                counter = parent.counter();
            } else {
                CounterResolver.Said said = counters.counter(ctx, d, memory, c, attrs, cues, where, s);
                counter = said.counter();
                memory = said.memory();
            }
            DayResolver.Dated dated = DayResolver.of(ctx, d, c, t, basis, cues, parent);
            if (dated.own()) {
                sentenceDay = dated.day();
            }
            ExtractedFigure f = figure(ctx, t, c, parent, placed, basis, counter, dated.day(), evidence);
            made.put(c, f);
            out.add(f);
            if (!c.nested()) {
                d = d.afterFigure(c, where, counter, basis, dated.day());
            }
        }
        // the day this sentence names for an event becomes the story's event day; cumulative tolls name none
        return DayResolver.passed(ctx, d.withCounters(memory), s.end(), sentenceDay);
    }

    private static boolean anyNumber(Token[] t) {
        for (Token x : t) {
            if (x.isNum()) {
                return true;
            }
        }
        return false;
    }

    /** The figure for candidate {@code c}: households converted to people, and the cause of displacement. */
    private ExtractedFigure figure(ReportContext ctx, Token[] t, Candidate c, ExtractedFigure parent,
                                   PlaceResolver.Placed placed, Basis basis, String counter, LocalDate day,
                                   String evidence) {
        Pick where = placed.pick();
        long value = c.value();
        Long high = c.high();
        String unit = null;
        Long reported = null;
        if (c.unit() != null) {
            unit = c.unit();
            reported = c.value();
            value = households.people(c.value(), where.country());
            high = c.high() == null ? null : households.people(c.high(), where.country());
        }
        Cause cause = null;
        if (c.metric() == Metric.DISPLACED) {
            cause = parent != null ? parent.cause() : Causes.inSentence(t, c.num());
            if (cause == null) {
                cause = ctx.textCause();
            }
        }
        return new ExtractedFigure(c.metric(), c.population(), value, high, c.qualifier(), basis, counter, where.region(),
            where.country(), where.place(), placed.unresolvedReason(), day, evidence, unit, reported, cause,
            placed.from());
    }
}
