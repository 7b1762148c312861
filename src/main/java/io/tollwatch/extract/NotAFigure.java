package io.tollwatch.extract;

/**
 * Numbers that are not figures: followed by a unit (percent, km, years, …), money, dates, years, ages, ordinals
 * ("No. 3", "Resolution 2334"), shares and population sizes ("90 percent of Gaza's 2.4 million people", "home to
 * 1,700 residents"), and numbers superseded in their clause ("up from an initial count of 14").
 */
final class NotAFigure {
    private NotAFigure() {
    }

    /**
     * Whether the number at token {@code i} counts no people: a measure, a time, a sum of money, a date, a year, an
     * age or an ordinal, a share or a population size.
     */
    static boolean test(Token[] t, int i) {
        int n = t.length;
        Token x = t[i];
        if (x.value < 0 || x.value > 5e9) {
            return true;
        }
        String next = i + 1 < n ? t[i + 1].lower : "";
        String prev = i > 0 ? t[i - 1].lower : "";
        String prev2 = i > 1 ? t[i - 2].lower : "";
        if (i + 1 < n && t[i + 1].has(Lexicon.F_UNIT) || next.equals("%") || next.equals(":") || prev.equals(":")) {
            return true;
        }
        if (next.equals(".") && i + 2 < n && (t[i + 2].is("m") || t[i + 2].is("a.m") || t[i + 2].is("p.m"))) {
            return true;
        }
        if ((next.equals("p") || next.equals("a")) && i + 2 < n && t[i + 2].is(".")) {
            return true; // 8 p.m.
        }
        if (Lexicon.MONEY_BEFORE.contains(prev) || prev.equals("$") || prev2.equals("$")) {
            return true;
        }
        if (Lexicon.MONTHS.contains(prev) || prev.equals(".") && Lexicon.MONTHS.contains(prev2)
            || Lexicon.MONTHS.contains(next)) {
            return true;
        }
        if (x.yearLike && !(i + 1 < n && Lexicon.PEOPLE.containsKey(next))) {
            return true;
        }
        if (prev.equals("no") || prev.equals("number") && !next.equals("people") || prev.equals("aged")
            || prev.equals("age") || prev.equals("ages") || prev.equals("'s") || prev.equals("page")
            || prev.equals("resolution") || prev.equals("article") || prev.equals("route") || prev.equals("flight")
            || prev.equals("highway") || prev.equals("phase") || prev.equals("level") || prev.equals("grade")
            || prev.equals("category") || prev.equals("version") || prev.equals("chapter") || prev.equals("section")
            || prev.equals("population") || prev.equals("populated") || prev.equals("/")) {
            return true;
        }
        if (x.value == 1 && !x.digits && (next.equals("of") || next.equals("another") || next.equals("day"))) {
            return true;
        }
        // shares and population sizes: "90 percent of Gaza's 2.4 million people", "home to 1,700 residents"
        for (int k = Math.max(0, i - 5); k < i; k++) {
            String w = t[k].lower;
            if ((w.equals("percent") || w.equals("%") || w.equals("half") || w.equals("third") || w.equals("quarter")
                || w.equals("thirds") || w.equals("quarters") || w.equals("proportion") || w.equals("share")
                || w.equals("fraction") || w.equals("majority") || w.equals("most")) && k + 1 < i
                && t[k + 1].is("of")) {
                return true;
            }
        }
        if (prev.equals("to") && prev2.equals("home") || prev.equals("of") && (prev2.equals("population")
            || prev2.equals("city") || prev2.equals("town") || prev2.equals("country") || prev2.equals("nation")
            || prev2.equals("region") || prev2.equals("area") || prev2.equals("district"))) {
            return true;
        }
        return false;
    }

    /** "…, up from an initial count of 14 killed": a superseded number. */
    static boolean superseded(Token[] t, int from) {
        for (int k = from - 1; k >= 0 && k >= from - 8; k--) {
            Token x = t[k];
            if (x.isPunct() && (x.is(",") || x.is(";"))) {
                return false;
            }
            if (x.is("from") && k > 0 && t[k - 1].is("up")) {
                return true;
            }
            if ((x.is("initial") || x.is("earlier") || x.is("previous") || x.is("preliminary") || x.is("prior")
                || x.is("former")) && k + 1 < t.length
                && (t[k + 1].is("count") || t[k + 1].is("toll") || t[k + 1].is("tally") || t[k + 1].is("figure")
                || t[k + 1].is("estimate") || t[k + 1].is("death"))) {
                return true;
            }
        }
        return false;
    }
}
