package io.tollwatch.extract;

import io.tollwatch.count.Qualifier;

/**
 * The hedge in front of a number (spec §1 `qualifier`): at least, no fewer than → at_least; more than, over,
 * upwards of → more_than; about, around, some, an estimated → about; nearly, almost, close to → nearly; up to, as
 * many as, at most, fewer than → up_to. "Another 75" continues the figure before; "a total of 1,057" is the
 * number itself.
 */
final class Qualifiers {
    private Qualifiers() {
    }

    /**
     * A hedge read.
     *
     * @param qualifier the qualifier (exact when there is none)
     * @param start     token index where the number's phrase starts
     * @param another   "another", "additional", "further": continues the figure before
     */
    record Hedge(Qualifier qualifier, int start, boolean another) {
    }

    /** The hedge in front of the number at token {@code i}. */
    static Hedge of(Token[] t, int i) {
        int start = i;
        boolean another = false;
        Qualifier qualifier = Qualifier.EXACT;
        String p1 = i > 0 ? t[i - 1].lower : "";
        String p2 = i > 1 ? t[i - 2].lower : "";
        String p3 = i > 2 ? t[i - 3].lower : "";
        if (p1.equals("another") || p1.equals("additional") || p1.equals("further")) {
            another = true;
            start = i - 1;
            if (p2.equals("a") || p2.equals("an")) {
                start = i - 2;
            }
            i = start;
            p1 = i > 0 ? t[i - 1].lower : "";
            p2 = i > 1 ? t[i - 2].lower : "";
            p3 = i > 2 ? t[i - 3].lower : "";
        }
        Qualifier q = null;
        int len = 0;
        if (p2.equals("at") && p1.equals("least")) {
            q = Qualifier.AT_LEAST;
            len = 2;
        } else if (p2.equals("more") && p1.equals("than") || p2.equals("upwards") && p1.equals("of")) {
            q = Qualifier.MORE_THAN;
            len = 2;
        } else if (p3.equals("in") && p2.equals("excess") && p1.equals("of")) {
            q = Qualifier.MORE_THAN;
            len = 3;
        } else if (p1.equals("over") || p1.equals("above") || p1.equals("exceeding")) {
            q = Qualifier.MORE_THAN;
            len = 1;
        } else if ((p3.equals("no") || p3.equals("not")) && (p2.equals("fewer") || p2.equals("less"))
            && p1.equals("than")) {
            q = Qualifier.AT_LEAST; // "no fewer than 50"
            len = 3;
        } else if (p2.equals("up") && p1.equals("to") || p2.equals("as") && p1.equals("many")
            || p2.equals("at") && p1.equals("most") || p2.equals("fewer") && p1.equals("than")
            || p2.equals("less") && p1.equals("than")) {
            q = Qualifier.UP_TO;
            len = 2;
        } else if (p3.equals("as") && p2.equals("many") && p1.equals("as")) {
            q = Qualifier.UP_TO;
            len = 3;
        } else if (p1.equals("nearly") || p1.equals("almost")) {
            q = Qualifier.NEARLY;
            len = 1;
        } else if (p2.equals("close") && p1.equals("to") || p2.equals("just") && p1.equals("under")) {
            q = Qualifier.NEARLY;
            len = 2;
        } else if (p1.equals("about") || p1.equals("around") || p1.equals("some") || p1.equals("approximately")
            || p1.equals("roughly") || p1.equals("estimated") || p1.equals("circa") || p1.equals("approx")) {
            q = Qualifier.ABOUT;
            len = 1;
            if (p1.equals("estimated") && (p2.equals("an") || p2.equals("some"))) {
                len = 2;
            }
        }
        if (q != null) {
            qualifier = q;
            start = i - len;
            // "well over", "just over", "just more than"
            int b = start - 1;
            if (b >= 0 && (t[b].is("well") || t[b].is("just") || t[b].is("slightly") || t[b].is("a"))) {
                start = b;
            }
        }
        // "a total of 1,057": the phrase belongs to the number
        int b = start;
        if (b >= 3 && t[b - 1].is("of") && (t[b - 2].is("total") || t[b - 2].is("tally")) && t[b - 3].is("a")) {
            start = b - 3;
        }
        return new Hedge(qualifier, start, another);
    }

    /** The index of the number within the four tokens from {@code m} ("or about 14,000 people"), else -1. */
    static int numberAt(Token[] t, int m) {
        for (int k = m; k < Math.min(t.length, m + 4); k++) {
            if (t[k].isNum()) {
                return k;
            }
        }
        return -1;
    }
}
