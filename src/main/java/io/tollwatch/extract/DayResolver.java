package io.tollwatch.extract;

import io.tollwatch.count.Basis;

import java.time.LocalDate;

/**
 * Day resolution (spec §1 `day`) for a figure: its parent's, the report's for a cumulative toll, the day its own
 * sentence names, the last incident's for a continuation, else the story's event day ({@link Discourse#eventDay()},
 * named earlier in the report) moved by "a day later"; never after publication. {@link Days} reads the words.
 */
final class DayResolver {
    private DayResolver() {
    }

    /** A figure's day, and whether its own sentence named it (it then becomes the story's event day). */
    record Dated(LocalDate day, boolean own) {
    }

    /** An event day more than this many days before publication is background ("the attack of October 7, 2023"). */
    private static final int STORY_DAYS = 7;

    static Dated of(ReportContext ctx, Discourse d, Candidate c, Token[] t, Basis basis, SentenceCues cues,
                    ExtractedFigure parent) {
        LocalDate published = ctx.published;
        if (parent != null) {
            return new Dated(parent.day(), false);
        }
        if (basis == Basis.CUMULATIVE || published == null) {
            return new Dated(published, false);
        }
        LocalDate own = Days.dayRef(t, published, c.viaToll() ? c.num() : -1);
        if (own != null) {
            return new Dated(own, true);
        }
        if (d.day() != null && (c.another() || c.ofThem() || cues.anaphoricToll())) {
            return new Dated(d.day(), false); // "Another 75 people were wounded": the same event
        }
        // no day of its own: the story's event day, named earlier ("Twelve people died at the scene")
        LocalDate story = storyDay(ctx, d);
        LocalDate day = story != null ? story.plusDays(Days.daysLater(t)) : published;
        return new Dated(day.isAfter(published) ? published : day, false);
    }

    /** The event day when it is recent enough to be the story's (within a week before publication). */
    private static LocalDate storyDay(ReportContext ctx, Discourse d) {
        LocalDate e = d.eventDay();
        if (e == null || e.isAfter(ctx.published) || e.isBefore(ctx.published.minusDays(STORY_DAYS))) {
            return null;
        }
        return e;
    }

    /**
     * Looks at the sentences that end before {@code upTo} and were not read for figures, for days they name: the
     * latest becomes the story's event day.
     */
    static Discourse advance(ReportContext ctx, Discourse d, int upTo) {
        int i = d.daysRead();
        LocalDate eventDay = d.eventDay();
        while (i < ctx.sentences.size() && ctx.sentences.get(i).end() <= upTo) {
            Sentences.Span sp = ctx.sentences.get(i++);
            if (ctx.published == null || !Days.mayNameDay(ctx.text, sp.start(), sp.end())) {
                continue;
            }
            LocalDate day = Days.dayRef(Asides.tokens(ctx.text, sp.start(), sp.end()), ctx.published, -1);
            if (day != null) {
                eventDay = day;
            }
        }
        return i == d.daysRead() ? d : d.withEventDay(eventDay, i);
    }

    /**
     * After a sentence read for figures that ends at {@code end}: it is not looked at again, and the day it named
     * for an event (null: none; cumulative tolls name none) becomes the story's event day.
     */
    static Discourse passed(ReportContext ctx, Discourse d, int end, LocalDate sentenceDay) {
        int i = d.daysRead();
        while (i < ctx.sentences.size() && ctx.sentences.get(i).end() <= end) {
            i++;
        }
        return d.withEventDay(sentenceDay != null ? sentenceDay : d.eventDay(), i);
    }
}
