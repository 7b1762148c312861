package io.tollwatch.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Day resolution (spec §1 `day`): the event day a sentence names, against the report's publication day. Pure
 * functions of the tokens; what earlier sentences said (the story's event day) is kept by {@link Discourse}.
 */
final class Days {
    private Days() {
    }

    private static final int DAY = 1;
    private static final int MONTH = 2;
    private static final WordTable DAY_OR_MONTH = dayOrMonth();

    private static WordTable dayOrMonth() {
        Map<String, Integer> m = new HashMap<>();
        Lexicon.MONTHS.forEach(w -> m.put(w, MONTH));
        Lexicon.DAY_WORDS.forEach(w -> m.put(w, DAY));
        return new WordTable(m);
    }

    /**
     * Cheap test for a stretch of text that may name a day: a weekday, "yesterday", "overnight", "today",
     * "last night/week", or a month name (or its abbreviation) next to a number. One pass, no allocation for
     * most words; {@link #dayRef} decides.
     */
    static boolean mayNameDay(String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!Chars.isLetter(c)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < to && Chars.isLetter(text.charAt(j))) {
                j++;
            }
            int len = j - i;
            if (len >= 3 && len <= 9) {
                int w = DAY_OR_MONTH.get(text, i, j);
                if (w == DAY || w == MONTH && nearDigit(text, i, j, from, to)) {
                    return true;
                }
            }
            i = j;
        }
        return false;
    }

    private static boolean nearDigit(String text, int i, int j, int from, int to) {
        int k = j;
        while (k < to && (text.charAt(k) == '.' || text.charAt(k) == ' ')) {
            k++;
        }
        int b = i;
        while (b > from && text.charAt(b - 1) == ' ') {
            b--;
        }
        return k < to && Character.isDigit(text.charAt(k)) || b > from && Character.isDigit(text.charAt(b - 1));
    }


    /**
     * The day the sentence itself names, or null when it names none: the report's day moved by "Saturday's
     * strike" (a possessive day wins), else the first of "on Sunday", "last Saturday", "yesterday", "overnight",
     * "Oct. 9"; days that only date a statement ("said on Monday") are ignored. For a toll update (its number at
     * {@code tollAt}) a day named after the number dates the update ("rose to 21 on Saturday"), and "a day after
     * the attack" moves back one day. Days that start a period ("since Wednesday", "until Friday") are not event
     * days.
     */
    static LocalDate dayRef(Token[] t, LocalDate published, int tollAt) {
        if (published == null) {
            return null;
        }
        int n = t.length;
        LocalDate first = null;
        int dayAfter = 0;
        for (int i = 0; i + 3 < n; i++) {
            if (t[i].is("a") && t[i + 1].is("day") && t[i + 2].is("after") && (t[i + 3].is("the")
                || t[i + 3].has(Lexicon.F_INCIDENT))) {
                dayAfter = 1;
            }
        }
        for (int i = 0; i < n; i++) {
            Token x = t[i];
            if (!x.isWord()) {
                continue;
            }
            if (tollAt >= 0 && i > tollAt && !(i + 1 < n && t[i + 1].is("'s"))) {
                break; // the day of the update
            }
            String w = x.lower;
            LocalDate d = null;
            boolean strong = false;
            if (x.has(Lexicon.F_WEEKDAY)) {
                String p1 = i > 0 ? t[i - 1].lower : "";
                String p2 = i > 1 ? t[i - 2].lower : "";
                if (Lexicon.SAY.contains(p1) || p1.equals("on") && Lexicon.SAY.contains(p2)
                    || Lexicon.PERIOD_BOUNDS.contains(p1) || p1.equals("on") && Lexicon.PERIOD_BOUNDS.contains(p2)) {
                    continue;
                }
                DayOfWeek dow = DayOfWeek.valueOf(w.toUpperCase(Locale.ROOT));
                d = published;
                while (d.getDayOfWeek() != dow) {
                    d = d.minusDays(1);
                }
                if (p1.equals("last") && d.equals(published)) {
                    d = d.minusDays(7);
                }
                strong = i + 1 < n && t[i + 1].is("'s");
            } else if (w.equals("yesterday")) {
                d = published.minusDays(1);
                strong = i + 1 < n && t[i + 1].is("'s");
            } else if (w.equals("overnight") || w.equals("night") && i > 0 && t[i - 1].is("last")) {
                d = published.minusDays(1);
            } else if (w.equals("today")) {
                d = published;
            } else if (w.equals("week") && i > 0 && t[i - 1].is("last")) {
                d = published.minusDays(7);
                strong = i + 1 < n && t[i + 1].is("'s");
            } else if (x.has(Lexicon.F_MONTH)) {
                int k = i + 1 < n && t[i + 1].is(".") ? i + 2 : i + 1;
                Integer dom = null;
                int before = i - 1;
                if (k < n && t[k].isNum() && t[k].value >= 1 && t[k].value <= 31) {
                    dom = (int) t[k].value;
                } else if (i > 0 && t[i - 1].isNum() && t[i - 1].value >= 1 && t[i - 1].value <= 31) {
                    dom = (int) t[i - 1].value;
                    before = i - 2;
                }
                String b1 = before >= 0 ? t[before].lower : "";
                String b2 = before >= 1 ? t[before - 1].lower : "";
                if (Lexicon.PERIOD_BOUNDS.contains(b1) || b1.equals("on") && Lexicon.PERIOD_BOUNDS.contains(b2)) {
                    dom = null; // "since October 7", "began on Feb. 24"
                }
                if (dom != null) {
                    d = monthDay(w, dom, published);
                    int y = k + 1 < n && t[k + 1].is(",") ? k + 2 : k + 1;
                    if (d != null && y < n && t[y].isNum() && t[y].yearLike) {
                        try {
                            d = d.withYear((int) t[y].value);
                        } catch (java.time.DateTimeException e) {
                            d = null;
                        }
                    }
                }
            }
            if (d != null) {
                if (strong) {
                    return d;
                }
                if (first == null) {
                    first = d;
                }
            }
        }
        if (tollAt >= 0 && dayAfter > 0) {
            return (first != null ? first : published).minusDays(dayAfter);
        }
        return first;
    }

    /** "A day later", "two days later", "the next day", "the following day": days after the story's event day. */
    static int daysLater(Token[] t) {
        for (int i = 0; i + 2 < t.length; i++) {
            if ((t[i + 1].is("day") || t[i + 1].is("days")) && t[i + 2].is("later")) {
                if (t[i].is("a") || t[i].is("one")) {
                    return 1;
                }
                if (t[i].isNum() && t[i].value >= 1 && t[i].value <= 7) {
                    return (int) t[i].value;
                }
            }
            if (t[i].is("the") && (t[i + 1].is("next") || t[i + 1].is("following")) && t[i + 2].is("day")) {
                return 1;
            }
        }
        return 0;
    }


    private static LocalDate monthDay(String month, int dom, LocalDate published) {
        int mon = switch (month.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
        try {
            LocalDate d = LocalDate.of(published.getYear(), mon, dom);
            return d.isAfter(published) ? d.minusYears(1) : d;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
