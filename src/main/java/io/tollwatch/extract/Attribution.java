package io.tollwatch.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a sentence says counted: "according to X", "X said", "X, the …, said", "said X", "X put the toll at".
 * Returns the attributions of one sentence in order; {@link Extractor} picks the one that governs each figure and
 * resolves the name (aliases, "the ministry", "he") to a counter.
 */
final class Attribution {
    private Attribution() {
    }

    /**
     * One attribution.
     *
     * @param pos   token index of the verb (or of "according")
     * @param names candidate names, best first (an appositive gives more than one)
     * @param start character offset where the name starts (to keep its places out of the region)
     * @param end   character offset where it ends
     */
    record Attr(int pos, List<String> names, int start, int end) {
        boolean pronoun() {
            return names.size() == 1 && Lexicon.PRONOUNS.contains(names.get(0).toLowerCase(java.util.Locale.ROOT));
        }
    }


    static List<Attr> find(String text, Token[] t) {
        List<Attr> out = new ArrayList<>(2);
        int n = t.length;
        for (int i = 0; i < n; i++) {
            Token x = t[i];
            if (!x.isWord()) {
                continue;
            }
            String w = x.lower;
            if (w.equals("according") && i + 1 < n && t[i + 1].is("to")) {
                int a = i + 2;
                int b = a;
                while (b < n && !stopsName(t[b]) && b - a < 14) {
                    b++;
                }
                b = trimTrailing(t, a, b);
                if (b > a) {
                    out.add(new Attr(i, namesOf(text, t, a, b), t[a].start, t[b - 1].end));
                }
                continue;
            }
            if (w.equals("citing") && i + 1 < n) {
                int a = i + 1;
                int b = a;
                while (b < n && !stopsName(t[b]) && b - a < 10) {
                    b++;
                }
                b = trimTrailing(t, a, b);
                if (b > a) {
                    out.add(new Attr(i, namesOf(text, t, a, b), t[a].start, t[b - 1].end));
                }
                continue;
            }
            boolean putToll = (w.equals("put") || w.equals("puts") || w.equals("putting") || w.equals("placed"))
                && i + 2 < n && t[i + 1].is("the")
                && (t[i + 2].is("toll") || t[i + 2].is("death") || t[i + 2].is("number") || t[i + 2].is("figure"));
            boolean say = x.has(Lexicon.F_SAY) && !(i > 0 && t[i - 1].is("the"));
            boolean participle = w.equals("saying") || w.equals("adding");
            if (!say && !putToll && !participle) {
                continue;
            }
            if (participle) {
                Attr prev = out.isEmpty() ? null : out.get(out.size() - 1);
                if (prev != null) {
                    out.add(new Attr(i, prev.names(), prev.start(), prev.end()));
                } else {
                    int b = 0;
                    while (b < Math.min(n, 7) && t[b].isWord() && !Lexicon.SAY.contains(t[b].lower)
                        && !t[b].is("put") && !t[b].is("puts")) {
                        b++;
                    }
                    if (b > 0 && b < 7) {
                        out.add(new Attr(i, namesOf(text, t, 0, b), t[0].start, t[b - 1].end));
                    }
                }
                continue;
            }
            // subject before the verb
            int b = i;
            while (b > 0 && (t[b - 1].is("also") || t[b - 1].is("has") || t[b - 1].is("have") || t[b - 1].is("had")
                || t[b - 1].is("later") || t[b - 1].is("earlier") || t[b - 1].is("previously")
                || t[b - 1].is("separately") || t[b - 1].is("had"))) {
                b--;
            }
            int a = b;
            while (a > 0 && b - a < 10 && (t[a - 1].isWord() || t[a - 1].is("&") || t[a - 1].is("/")
                || t[a - 1].is("'") || t[a - 1].is("\u2019"))
                && !t[a - 1].has(Lexicon.F_SUBJECT_STOP) && !t[a - 1].isNum()) {
                a--;
            }
            // "A volunteer group that runs kitchens in the city put the toll at 56": the subject is the noun
            // phrase before the relative pronoun, never the relative clause
            if (a < b && a >= 2 && Lexicon.RELATIVE_PRONOUNS.contains(t[a - 1].lower) && !t[a - 2].has(Lexicon.F_SAY)
                && !Lexicon.COMPLEMENT_VERBS.contains(t[a - 2].lower) && t[a - 2].isWord()) {
                int e = a - 1;
                int s0 = e;
                while (s0 > 0 && e - s0 < 8 && (t[s0 - 1].isWord() || t[s0 - 1].is("'") || t[s0 - 1].is("\u2019"))
                    && !t[s0 - 1].has(Lexicon.F_SUBJECT_STOP) && !t[s0 - 1].isNum()
                    && !t[s0 - 1].has(Lexicon.F_SAY)) {
                    s0--;
                }
                if (s0 < e && !(s0 > 0 && t[s0 - 1].isNum())) {
                    out.add(new Attr(i, namesOf(text, t, s0, e), t[s0].start, t[b - 1].end));
                    continue;
                }
            }
            if (a < b && !(a > 0 && t[a - 1].isNum())) {
                int aa = a;
                // drop a leading verb phrase: "the strike killed … the ministry" never happens past a comma, but
                // "Reuters reporters were told" etc. are rare; keep the words as they are
                out.add(new Attr(i, namesOf(text, t, aa, b), t[aa].start, t[b - 1].end));
                continue;
            }
            if (a == b && b > 0 && t[b - 1].is(",")) {
                // appositive or relative clause before the verb: "UNRWA, says", "The JNIM group, which …, said"
                List<String> names = new ArrayList<>();
                int end = b - 1;
                int chunks = 0;
                int firstStart = -1;
                int lastEnd = -1;
                while (end > 0 && chunks < 3) {
                    int s = end;
                    while (s > 0 && !t[s - 1].is(",") && end - s < 12 && !t[s - 1].isPunct()) {
                        s--;
                    }
                    if (s == end) {
                        break;
                    }
                    boolean relative = t[s].is("which") || t[s].is("who") || t[s].is("whose") || t[s].is("that");
                    boolean clause = false;
                    for (int k = s; k < end; k++) {
                        if (t[k].isNum() || Lexicon.ACTIVE.containsKey(t[k].lower)) {
                            clause = true;
                            break;
                        }
                    }
                    if (clause && !relative) {
                        break;
                    }
                    if (!relative) {
                        names.addAll(namesOf(text, t, s, end));
                        if (lastEnd < 0) {
                            lastEnd = t[end - 1].end;
                        }
                        firstStart = t[s].start;
                    }
                    chunks++;
                    if (s == 0 || !t[s - 1].is(",")) {
                        break;
                    }
                    end = s - 1;
                }
                if (!names.isEmpty()) {
                    out.add(new Attr(i, names, firstStart, lastEnd));
                    continue;
                }
            }
            // inverted: "…, said Corneille Nangaa, head of …"
            if (say && i + 1 < n && (t[i + 1].capitalised() || t[i + 1].is("the")) && t[i + 1].isWord()
                && !Lexicon.PRONOUNS.contains(t[i + 1].lower) && !Lexicon.WEEKDAYS.contains(t[i + 1].lower)) {
                int s = i + 1;
                int e = s;
                while (e < n && t[e].isWord() && e - s < 8 && !t[e].has(Lexicon.F_NAME_STOP)) {
                    e++;
                }
                List<String> names = new ArrayList<>(namesOf(text, t, s, e));
                // "…, head of the Congo River Alliance": the organisation too
                if (e + 1 < n && t[e].is(",")) {
                    int s2 = e + 1;
                    int e2 = s2;
                    while (e2 < n && !t[e2].isPunct() && e2 - s2 < 12) {
                        e2++;
                    }
                    if (e2 > s2) {
                        names.addAll(namesOf(text, t, s2, e2));
                    }
                }
                if (e > s) {
                    out.add(new Attr(i, names, t[s].start, t[e - 1].end));
                }
            }
        }
        return out;
    }

    private static boolean stopsName(Token x) {
        if (x.isPunct()) {
            return !(x.is("&") || x.is("/") || x.text.equals("\u2019") || x.is("'"));
        }
        return x.has(Lexicon.F_NAME_STOP);
    }

    private static int trimTrailing(Token[] t, int a, int b) {
        while (b > a && Lexicon.ATTRIBUTION_TRAILING.contains(t[b - 1].lower)) {
            b--;
        }
        return b;
    }

    private static List<String> namesOf(String text, Token[] t, int a, int b) {
        b = trimTrailing(t, a, b);
        if (b <= a) {
            return List.of();
        }
        // from the tokens, so asides dropped from the sentence ("(MoH)") stay out of the name
        StringBuilder sb = new StringBuilder();
        for (int k = a; k < b; k++) {
            Token x = t[k];
            boolean glue = k > a && (x.is("'s") || x.is("/") || t[k - 1].is("/") || x.is("&") && false);
            if (k > a && !glue) {
                sb.append(' ');
            }
            sb.append(x.text);
        }
        String s = sb.toString().trim();
        return s.isEmpty() ? List.of() : List.of(s);
    }
}
