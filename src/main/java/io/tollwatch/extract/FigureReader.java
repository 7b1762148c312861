package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the figures in one sentence's tokens: which numbers count people killed, injured or displaced, with their
 * population and qualifier. Stateless; one instance serves every thread.
 *
 * <p>A number is a figure when it is not a measure, date, year, age, share or sum of money, and one of these holds:
 * <ol>
 *   <li>it is nested in a figure before it ("…, including six children") — then it takes that figure's metric;</li>
 *   <li>its head noun carries the metric ("22 dead", "450,000 internally displaced persons");</li>
 *   <li>a participle follows the people ("255 people killed", "86,000 people displaced by …");</li>
 *   <li>the people are the subject of a passive or intransitive trigger ("52 villagers were killed",
 *       "3,000 residents had fled", "10,000 of them have crossed into … as refugees");</li>
 *   <li>an active trigger governs it ("killing four civilians", "killed a UN crew member and 27 soldiers",
 *       "forced 50,000 people from their homes", "the toll includes 427 fighters");</li>
 *   <li>a toll is set to it ("the death toll … rose to 21", "put the toll at 56");</li>
 *   <li>"15 of the dead were children", "among the dead were 15 children".</li>
 * </ol>
 */
final class FigureReader {

    /** A figure found in a sentence, still without place, counter, basis and day. */
    static final class Cand {
        int num;
        int qStart;
        int end;
        long value;
        Long high;
        Qualifier qualifier = Qualifier.EXACT;
        Metric metric;
        Population population = Population.ALL;
        boolean nested;
        Cand parent;
        boolean ofThem;
        boolean tollAnaphora;
        /** got its metric from an active verb, so a list after it shares the verb */
        boolean viaActive;
        /** nested in another figure but not a population of its own ("including six women"): not emitted */
        boolean silent;
        /** set by a toll ("the toll rose to 21 on Saturday"): a day after it dates the update, not the event */
        boolean viaToll;
        /** a part of a toll named before it ("the toll includes", "the dead included"): only populations count */
        boolean part;
        /** "another 75 people", "75 others": continues the figure before */
        boolean another;
        String unit;

        @Override
        public String toString() {
            return metric + "/" + population + "/" + value + (nested ? "(nested)" : "");
        }
    }


    List<Cand> read(Token[] t, Cand previousSentenceLast) {
        int n = t.length;
        List<Cand> out = new ArrayList<>(4);
        List<Cand> all = new ArrayList<>(4);
        Cand[] byIndex = new Cand[n];
        boolean[] consumed = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!t[i].isNum() || consumed[i] || notPeopleNumber(t, i)) {
                continue;
            }
            Cand c = new Cand();
            c.num = i;
            c.value = Math.round(t[i].value);
            c.end = i + 1;
            qualifier(t, i, c);
            // range: "between 250,000 and 300,000", "18 to 25 people"
            if (i + 2 < n && t[i + 2].isNum() && !notPeopleNumber(t, i + 2)
                && (t[i + 1].is("and") && c.qStart > 0 && t[c.qStart - 1].is("between")
                || (t[i + 1].is("to") || t[i + 1].text.equals("\u2014")) && t[i + 2].value > t[i].value
                && !(c.qStart > 0 && t[c.qStart - 1].is("from")))) {
                c.high = Math.round(t[i + 2].value);
                if (c.qStart > 0 && t[c.qStart - 1].is("between")) {
                    c.qStart--;
                }
                if (c.qualifier == Qualifier.EXACT) {
                    c.qualifier = Qualifier.AT_LEAST;
                }
                consumed[i + 2] = true;
                c.end = i + 3;
            }
            if (superseded(t, c.qStart)) {
                continue;
            }
            if (decide(t, c, all, byIndex, previousSentenceLast)) {
                all.add(c);
                byIndex[i] = c;
                if (c.silent) {
                    continue;
                }
                // "2,000 families, or about 14,000 people": the people number wins, once
                if (c.unit != null) {
                    int k = afterHead(t, c);
                    if (k + 2 < n && t[k].is(",") && t[k + 1].is("or")) {
                        int m = k + 2;
                        Cand alt = new Cand();
                        alt.num = -1;
                        qualifierAt(t, m, alt);
                        int numIdx = alt.num;
                        if (numIdx > 0 && numIdx + 1 < n && t[numIdx].isNum()
                            && Lexicon.PEOPLE.get(t[numIdx + 1].lower) != null
                            && !Lexicon.FAMILY_WORDS.contains(t[numIdx + 1].lower)) {
                            c.value = Math.round(t[numIdx].value);
                            c.qualifier = alt.qualifier;
                            c.unit = null;
                            c.high = null;
                            consumed[numIdx] = true;
                        }
                    }
                }
                out.add(c);
                byIndex[i] = c;
                if (c.high != null && c.end - 1 < n) {
                    byIndex[c.end - 1] = c;
                }
            }
        }
        return out;
    }

    /** Index just past the figure's head noun (or number). */
    private static int afterHead(Token[] t, Cand c) {
        int j = c.end;
        int n = t.length;
        for (int k = j; k < Math.min(n, j + 4); k++) {
            if (t[k].isWord() && Lexicon.PEOPLE.containsKey(t[k].lower)) {
                return k + 1;
            }
        }
        return j;
    }

    // ------------------------------------------------------------------ not figures

    static boolean notPeopleNumber(Token[] t, int i) {
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
    private static boolean superseded(Token[] t, int from) {
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

    // ------------------------------------------------------------------ qualifiers

    private static void qualifier(Token[] t, int i, Cand c) {
        c.qStart = i;
        String p1 = i > 0 ? t[i - 1].lower : "";
        String p2 = i > 1 ? t[i - 2].lower : "";
        String p3 = i > 2 ? t[i - 3].lower : "";
        if (p1.equals("another") || p1.equals("additional") || p1.equals("further")) {
            c.another = true;
            c.qStart = i - 1;
            if (p2.equals("a") || p2.equals("an")) {
                c.qStart = i - 2;
            }
            i = c.qStart;
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
            || p1.equals("roughly") || p1.equals("estimated") || p1.equals("circa") || p1.equals("approx")
            || p1.equals("an") && false) {
            q = Qualifier.ABOUT;
            len = 1;
            if (p1.equals("estimated") && (p2.equals("an") || p2.equals("some"))) {
                len = 2;
            }
        }
        if (q != null) {
            c.qualifier = q;
            c.qStart = i - len;
            // "well over", "just over", "just more than"
            int b = c.qStart - 1;
            if (b >= 0 && (t[b].is("well") || t[b].is("just") || t[b].is("slightly") || t[b].is("a"))) {
                c.qStart = b;
            }
        }
        // "a total of 1,057": the phrase belongs to the number
        int b = c.qStart;
        if (b >= 3 && t[b - 1].is("of") && (t[b - 2].is("total") || t[b - 2].is("tally")) && t[b - 3].is("a")) {
            c.qStart = b - 3;
        }
    }

    /** Reads a qualifier then a number starting at token m into alt (alt.num = the number's index, or -1). */
    private static void qualifierAt(Token[] t, int m, Cand alt) {
        for (int k = m; k < Math.min(t.length, m + 4); k++) {
            if (t[k].isNum()) {
                alt.num = k;
                qualifier(t, k, alt);
                return;
            }
        }
    }

    // ------------------------------------------------------------------ the decision

    private boolean decide(Token[] t, Cand c, List<Cand> sofar, Cand[] byIndex, Cand prevSentence) {
        int n = t.length;
        int after = c.end;
        // head noun
        int head = -1;
        boolean displacedModifier = false;
        Metric modifier = null;
        Population pop = null;
        if (after + 1 < n && t[after].is("of") && (t[after + 1].is("them") || t[after + 1].is("whom")
            || t[after + 1].is("those"))) {
            c.ofThem = true;
            head = after + 1;
            Cand ante = !sofar.isEmpty() ? sofar.get(sofar.size() - 1) : prevSentence;
            for (int k = sofar.size() - 1; k >= 0 && ante != null && ante.silent; k--) {
                ante = sofar.get(k);
            }
            pop = ante != null && !ante.silent ? ante.population : Population.ALL;
        } else {
            int skipped = 0;
            for (int j = after; j < n && skipped <= 3; j++) {
                Token x = t[j];
                if (!x.isWord()) {
                    break;
                }
                String w = x.lower;
                if (x.is("'s")) {
                    break;
                }
                Population p = Lexicon.PEOPLE.get(w);
                if (w.equals("forces") && j > after && (t[j - 1].is("security") || t[j - 1].is("government")
                    || t[j - 1].is("armed") || t[j - 1].is("regime") || t[j - 1].is("special")
                    || t[j - 1].is("pro-government"))) {
                    p = Population.COMBATANTS;
                }
                if (p != null) {
                    // noun compounds: the last noun is the head ("Druze fighters", "Bedouin families")
                    while (j + 1 < n && t[j + 1].isWord() && Lexicon.PEOPLE.containsKey(t[j + 1].lower)
                        && !t[j + 1].is("police")) {
                        j++;
                        w = t[j].lower;
                        p = Lexicon.PEOPLE.get(w);
                    }
                    head = j;
                    pop = p;
                    if (w.equals("police") && j + 1 < n && (t[j + 1].is("officers") || t[j + 1].is("personnel")
                        || t[j + 1].is("men") || t[j + 1].is("agents"))) {
                        head = j + 1;
                    }
                    if (w.equals("members") || w.equals("member") || w.equals("personnel") || w.equals("staff")
                        || w.equals("officers") || w.equals("officer")) {
                        pop = memberPopulation(t, after, j, w);
                    }
                    c.another |= w.equals("others");
                    if (w.equals("families") || w.equals("family") || w.equals("households")) {
                        c.unit = w.equals("households") ? "households" : "families";
                    }
                    break;
                }
                if (x.has(Lexicon.F_PARTICIPLE) && j + 1 < n && Lexicon.PEOPLE.containsKey(t[j + 1].lower)
                    && !(j > after && t[j - 1].is("and"))) {
                    modifier = Lexicon.PARTICIPLE.get(w); // "144,044 evacuated people", "12 injured civilians"
                    skipped++;
                    continue;
                }
                if (x.has(Lexicon.F_HEAD_STOP) || x.has(Lexicon.F_ACTIVE) && !w.equals("displaced")) {
                    break;
                }
                if (w.equals("displaced")) {
                    displacedModifier = true;
                }
                skipped++;
            }
        }
        for (int k = after; k < head; k++) {
            if (t[k].is("displaced") || t[k].is("refugee") || t[k].is("displacement")) {
                displacedModifier = true; // "450,000 internally displaced persons"
            }
        }
        if (c.unit != null && c.value == 1 && !t[c.num].digits) {
            return false; // "one family"
        }
        int k0 = head >= 0 ? head + 1 : after;
        String headWord = head >= 0 ? t[head].lower : "";

        // 1. nested in the previous figure: "…, including six children", "among them three children"
        Cand parent = nestParent(t, c, sofar, byIndex);
        if (parent != null) {
            c.metric = parent.metric;
            if (pop == null || pop == Population.ALL || pop == parent.population) {
                c.silent = true;
                c.nested = true;
                c.parent = parent;
                c.population = pop == null ? Population.ALL : pop;
                return true;
            }
            c.population = pop;
            c.nested = true;
            c.parent = parent;
            return true;
        }
        // 7. "15 of the dead were children"
        if (after + 3 < n && t[after].is("of") && t[after + 1].is("the") && Lexicon.VICTIM_WORDS.contains(t[after + 2].lower)
            && (t[after + 3].is("were") || t[after + 3].is("was") || t[after + 3].is("are"))) {
            // the first people noun decides; a group that is not a population ("emergency workers", "women",
            // "journalists") or a mixed one ("women and children") is a part of the toll, not a figure
            Metric m = victimMetric(t[after + 2].lower);
            for (int j = after + 4; j < Math.min(n, after + 8); j++) {
                Population p = Lexicon.PEOPLE.get(t[j].lower);
                if (p != null && m != null) {
                    if (p == Population.ALL || mixedGroup(t, j, p)) {
                        return false;
                    }
                    c.metric = m;
                    c.population = p;
                    return true;
                }
                if (t[j].isPunct()) {
                    break;
                }
            }
            return false;
        }
        // "among the dead were 15 children"
        if (c.qStart >= 4 && (t[c.qStart - 1].is("were") || t[c.qStart - 1].is("are") || t[c.qStart - 1].is("was"))
            && Lexicon.VICTIM_WORDS.contains(t[c.qStart - 2].lower) && t[c.qStart - 3].is("the")
            && t[c.qStart - 4].is("among") && pop != null) {
            Metric m = victimMetric(t[c.qStart - 2].lower);
            if (m != null) {
                c.metric = m;
                c.population = pop;
                return true;
            }
        }
        // "dozens were killed, including at least 40 children": nested in a vague figure
        if (sofar.isEmpty() && c.qStart > 0 && (t[c.qStart - 1].is("including") || t[c.qStart - 1].is("among")
            && c.qStart > 1 && t[c.qStart - 2].is("them")) && pop != null && pop != Population.ALL) {
            for (int k = c.qStart - 2; k >= 0 && k > c.qStart - 30; k--) {
                Metric vm = vagueTrigger(t[k]);
                if (vm != null) {
                    c.metric = vm;
                    c.population = pop;
                    return true;
                }
                if (t[k].isPunct() && !t[k].is(",")) {
                    break;
                }
            }
        }
        // "12 people were killed in Hama and five in Idlib": the same verb, elided
        if (head < 0 && !sofar.isEmpty() && c.qStart > 0 && t[c.qStart - 1].is("and") && after < n
            && (t[after].is("in") || t[after].is("at") || t[after].is("near"))) {
            Cand last = sofar.get(sofar.size() - 1);
            if (!last.silent && !last.nested && last.metric != null) {
                c.metric = last.metric;
                c.population = last.population;
                return true;
            }
        }
        if (pop == null) {
            pop = Population.ALL;
        }
        c.population = pop;

        // 2. the head noun carries the metric
        Metric m = head >= 0 ? Lexicon.METRIC_NOUN.get(headWord) : null;
        if (m == null && head < 0 && after < n && Lexicon.METRIC_NOUN.containsKey(t[after].lower)
            && !(after + 1 < n && (t[after + 1].isNum() || startsObject(t, after + 1)))) {
            m = Lexicon.METRIC_NOUN.get(t[after].lower); // "14 killed", "22 dead"
        }
        if (m == null && displacedModifier && head >= 0) {
            m = Metric.DISPLACED;
        }
        if (m == null && modifier != null && head >= 0) {
            m = modifier;
        }
        // "claimed 17 lives", "17 lives were lost"
        if (m == null && head < 0 && after < n && t[after].is("lives")) {
            m = lives(t, c, after) ? Metric.KILLED : null;
            if (m == null) {
                return false;
            }
        }
        // "brings to 41,000 the number of people displaced"
        if (m == null) {
            m = numberOfAfter(t, c.end);
        }
        // 3. a participle right after the people: "255 people killed", "86,000 people displaced by …"
        if (m == null && head >= 0 && k0 < n && Lexicon.PARTICIPLE.containsKey(t[k0].lower)
            && !(k0 + 1 < n && (t[k0 + 1].isNum() || startsObject(t, k0 + 1)))) {
            m = Lexicon.PARTICIPLE.get(t[k0].lower);
        }
        // 4. passive or intransitive: "52 villagers were killed", "3,000 residents had fled"
        if (m == null && (head >= 0 || c.ofThem || after < n && Lexicon.BARE_AUX.contains(t[after].lower))) {
            m = passive(t, k0, headWord);
        }
        // 5. an active trigger before it
        if (m == null) {
            m = active(t, c, byIndex, head);
        }
        // 6. a toll set to it
        if (m == null) {
            m = toll(t, c);
            c.viaToll = m != null;
        }
        if (m == null) {
            return false;
        }
        if (Lexicon.BODIES.contains(headWord) && m != Metric.KILLED) {
            return false;
        }
        if (c.part && c.population == Population.ALL) {
            return false; // "the dead included 12 women": part of the toll, not a population of its own
        }
        c.metric = m;
        return true;
    }

    /** A bare number ends its phrase: punctuation, the end, or a word that cannot be its noun ("on", "and"). */
    static boolean bareEnds(Token[] t, int k) {
        if (k >= t.length || !t[k].isWord()) {
            return true;
        }
        Token x = t[k];
        return x.has(Lexicon.F_HEAD_STOP) || x.has(Lexicon.F_WEEKDAY) || x.has(Lexicon.F_SAY) || x.is("overnight")
            || x.is("yesterday") || x.is("today") || x.is("late") || x.is("early") || x.is("last") || x.is("others")
            || x.is("more") || x.is("dead") || x.has(Lexicon.F_PARTICIPLE) || x.capitalised();
    }

    private static Metric vagueTrigger(Token x) {
        if (x.has(Lexicon.F_ACTIVE)) {
            return Lexicon.ACTIVE.get(x.lower);
        }
        if (x.has(Lexicon.F_PARTICIPLE)) {
            return Lexicon.PARTICIPLE.get(x.lower);
        }
        if (x.has(Lexicon.F_INTRANSITIVE)) {
            return Lexicon.INTRANSITIVE.get(x.lower);
        }
        return x.has(Lexicon.F_METRIC_NOUN) ? Lexicon.METRIC_NOUN.get(x.lower) : null;
    }

    private static boolean startsObject(Token[] t, int k) {
        String w = t[k].lower;
        return w.equals("a") || w.equals("an") || w.equals("the") || w.equals("at") && k + 1 < t.length
            && t[k + 1].is("least") || w.equals("more") || w.equals("about") || w.equals("some")
            || w.equals("nearly") || w.equals("around") || w.equals("over") || w.equals("dozens")
            || w.equals("hundreds") || w.equals("scores") || w.equals("thousands") || w.equals("his")
            || w.equals("their") || w.equals("her") || Lexicon.PEOPLE.containsKey(w);
    }

    /** "women and children": the noun at j is joined to people of another population. */
    private static boolean mixedGroup(Token[] t, int j, Population p) {
        int k = j + 1;
        if (k + 1 < t.length && (t[k].is("and") || t[k].is("or"))) {
            for (int q = k + 1; q < Math.min(t.length, k + 3); q++) {
                Population o = Lexicon.PEOPLE.get(t[q].lower);
                if (o != null) {
                    return o != p;
                }
            }
        }
        return false;
    }

    private static Metric victimMetric(String w) {
        return switch (w) {
            case "dead", "killed", "victims", "fatalities", "deaths" -> Metric.KILLED;
            case "wounded", "injured" -> Metric.INJURED;
            case "displaced" -> Metric.DISPLACED;
            default -> null;
        };
    }

    private static Population memberPopulation(Token[] t, int after, int j, String w) {
        for (int k = after; k < j; k++) {
            String m = t[k].lower;
            if (Lexicon.FAMILY_WORDS.contains(m)) {
                return Population.ALL;
            }
            if (Lexicon.COMBATANT_GROUP.contains(m)) {
                return Population.COMBATANTS;
            }
        }
        if (j + 1 < t.length && t[j + 1].is("of")) {
            for (int k = j + 2; k < Math.min(t.length, j + 7); k++) {
                String m = t[k].lower;
                if (Lexicon.FAMILY_WORDS.contains(m)) {
                    return Population.ALL;
                }
                if (Lexicon.COMBATANT_GROUP.contains(m)) {
                    return Population.COMBATANTS;
                }
                if (t[k].isPunct()) {
                    break;
                }
            }
        }
        return w.equals("officers") || w.equals("officer") ? Population.COMBATANTS : Population.ALL;
    }

    private static Cand nestParent(Token[] t, Cand c, List<Cand> sofar, Cand[] byIndex) {
        if (sofar.isEmpty()) {
            return null;
        }
        int b = c.qStart - 1;
        if (b < 0) {
            return null;
        }
        Cand last = sofar.get(sofar.size() - 1);
        String w = t[b].lower;
        boolean nestWord = w.equals("including") || w.equals("included") || w.equals("includes")
            || w.equals("include")
            || (w.equals("them") || w.equals("whom") || w.equals("those")) && b > 0 && t[b - 1].is("among")
            || w.equals("whom") && b > 0 && t[b - 1].is("of");
        if (nestWord) {
            return last.nested ? last.parent : last;
        }
        // "including 11 children and six women": continues a nested list
        if ((w.equals("and") || w.equals(",")) && last.nested) {
            int k = b - 1;
            while (k >= 0 && k > b - 4 && !t[k].isNum()) {
                if (t[k].isPunct() && !t[k].is(",")) {
                    return null;
                }
                k--;
            }
            if (k >= 0 && byIndex[k] == last) {
                return last.parent;
            }
        }
        return null;
    }

    /** Words that may stand inside a verb group: adverbs ("safely", "yesterday"), "on Wednesday". */
    private static boolean skippableInVerb(Token[] t, int j) {
        Token x = t[j];
        if (!x.isWord()) {
            return false;
        }
        String w = x.lower;
        return w.length() > 4 && w.endsWith("ly") && !Lexicon.PARTICIPLE.containsKey(w) || x.has(Lexicon.F_WEEKDAY)
            || w.equals("yesterday") || w.equals("today") || w.equals("on") && j + 1 < t.length
            && t[j + 1].has(Lexicon.F_WEEKDAY);
    }


    /**
     * The index of the people's verb ahead of a phrase that starts at {@code j} ("in Beni town were displaced"),
     * within a short stretch without punctuation or a new clause; else -1.
     */
    private static int verbAhead(Token[] t, int j) {
        int n = t.length;
        for (int q = j + 1; q < Math.min(n, j + 10); q++) {
            Token x = t[q];
            if (x.isPunct() && !x.is("-") || Lexicon.CLAUSE_START.contains(x.lower) || x.has(Lexicon.F_SAY)
                || x.has(Lexicon.F_ACTIVE) && !x.has(Lexicon.F_PARTICIPLE)) {
                return -1;
            }
            if (Lexicon.BARE_AUX.contains(x.lower) || Lexicon.INTRANSITIVE.containsKey(x.lower)) {
                return q;
            }
        }
        return -1;
    }

    /** "claimed 17 lives", "the attack that claimed the 25 lives", "17 lives were lost". */
    private static boolean lives(Token[] t, Cand c, int after) {
        int b = c.qStart - 1;
        if (b >= 0 && t[b].is("the")) {
            b--;
        }
        if (b >= 0 && Lexicon.LIFE_VERBS.contains(t[b].lower)) {
            return true;
        }
        int k = after + 1;
        while (k < t.length && t[k].has(Lexicon.F_AUX)) {
            k++;
        }
        return k > after + 1 && k < t.length && t[k].is("lost");
    }

    /** "brings to 41,000 the number of people displaced": the metric of the number that follows the figure. */
    private static Metric numberOfAfter(Token[] t, int end) {
        int n = t.length;
        if (end + 3 >= n || !t[end].is("the") || !(t[end + 1].is("number") || t[end + 1].is("total"))
            || !t[end + 2].is("of")) {
            return null;
        }
        for (int q = end + 3; q < Math.min(n, end + 9); q++) {
            Token x = t[q];
            if (x.isPunct() || x.isNum()) {
                return null;
            }
            Metric m = victimMetric(x.lower);
            if (m == null) {
                m = Lexicon.PARTICIPLE.get(x.lower);
            }
            if (m == null) {
                m = Lexicon.INTRANSITIVE.get(x.lower);
            }
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** Passive or intransitive trigger after the people, from token k. */
    private static Metric passive(Token[] t, int k, String headWord) {
        int n = t.length;
        int j = skipAsides(t, k);
        int aux = 0;
        boolean bodies = Lexicon.BODIES.contains(headWord);
        while (j < n && aux < 8 && (t[j].has(Lexicon.F_AUX) || aux > 0 && skippableInVerb(t, j))) {
            // "were shot dead", "were found dead": keep going; "were killed" stops at killed
            if (Lexicon.PARTICIPLE.containsKey(t[j].lower)) {
                break;
            }
            if (bodies && aux > 0 && Lexicon.BODY_VERBS.contains(t[j].lower)) {
                return Metric.KILLED; // "34 bodies were found in a ravine"
            }
            if (t[j].is("left") && j + 1 < n && (t[j + 1].is("their") || t[j + 1].is("homes"))) {
                return Metric.DISPLACED; // "300 families left their homes"
            }
            j++;
            aux++;
        }
        if (j >= n) {
            return null;
        }
        String w = t[j].lower;
        // "had to evacuate", "were forced to flee", "were ordered to leave their homes"
        if (j > 0 && t[j - 1].is("to") && aux > 0 && Lexicon.LEAVE_VERBS.contains(w)) {
            return Metric.DISPLACED;
        }
        if (aux > 0 && Lexicon.ORDER_VERBS.contains(w) && j + 2 < n && t[j + 1].is("to")
            && Lexicon.LEAVE_VERBS.contains(t[j + 2].lower)) {
            return Metric.DISPLACED;
        }
        // "12 others sustained injuries", "suffered serious wounds"
        if (Lexicon.SUFFER_VERBS.contains(w)) {
            for (int q = j + 1; q < Math.min(n, j + 4); q++) {
                if (Lexicon.INJURY_NOUNS.contains(t[q].lower)) {
                    return Metric.INJURED;
                }
            }
        }
        // "were hacked to death", "were beaten to death"
        if (aux > 0 && w.endsWith("ed") && j + 2 < n && t[j + 1].is("to")
            && (t[j + 2].is("death") || j + 3 < n && t[j + 3].is("death"))) {
            return Metric.KILLED;
        }
        // "2,300 residents moved away from villages near the front line"
        if ((w.equals("moved") || w.equals("relocated")) && j + 1 < n && (t[j + 1].is("away") || t[j + 1].is("out"))) {
            return Metric.DISPLACED;
        }
        if (aux > 0 && w.equals("among") && j + 2 < n && (t[j + 1].is("those") || t[j + 1].is("the"))) {
            Metric m = victimMetric(t[j + 2].lower); // "three children were among those killed"
            if (m != null) {
                return m;
            }
        }
        if (bodies) {
            return aux > 0 && (Lexicon.BODY_VERBS.contains(w) || w.equals("dead")) ? Metric.KILLED : null;
        }
        if (aux > 0 && Lexicon.PARTICIPLE.containsKey(w)) {
            return Lexicon.PARTICIPLE.get(w);
        }
        if (Lexicon.INTRANSITIVE.containsKey(w)) {
            return Lexicon.INTRANSITIVE.get(w);
        }
        if (w.equals("lost") && j + 2 < n && t[j + 2].is("lives")) {
            return Metric.KILLED;
        }
        if ((w.equals("forced") || w.equals("driven") || w.equals("made")) && aux > 0 && j + 1 < n
            && (t[j + 1].is("to") || t[j + 1].is("from") || t[j + 1].is("out") || t[j + 1].is("homeless"))) {
            return Metric.DISPLACED;
        }
        if (w.equals("crossed") || w.equals("arrived") || w.equals("sought") || w.equals("poured")) {
            for (int q = j + 1; q < Math.min(n, j + 10); q++) {
                if (t[q].is("refugees") || t[q].is("border") || t[q].is("refuge") || t[q].is("asylum")) {
                    return Metric.DISPLACED;
                }
                if (t[q].isPunct()) {
                    break;
                }
            }
        }
        return null;
    }

    /**
     * Skips what may stand between the people and their verb: a comma aside ("558 people, including 50 children,
     * were killed"; "1.9 million people, or 90% of the population, have been displaced") and further subjects
     * ("Three fighters and two civilians were killed").
     */
    private static int skipAsides(Token[] t, int k) {
        int n = t.length;
        int j = k;
        for (int guard = 0; guard < 4 && j < n; guard++) {
            if (t[j].is(",")) {
                int close = -1;
                for (int q = j + 1; q < Math.min(n, j + 14); q++) {
                    if (t[q].is(",")) {
                        close = q;
                        break;
                    }
                    if (t[q].isPunct() || Lexicon.SAY.contains(t[q].lower)) {
                        break;
                    }
                }
                if (close > 0 && close + 1 < n && Lexicon.BARE_AUX.contains(t[close + 1].lower)) {
                    j = close + 1;
                    continue;
                }
                // "15 people, including a local chief were killed": an aside that is never closed
                int verb = j + 1 < n && (t[j + 1].is("including") || t[j + 1].is("among")) ? verbAhead(t, j + 1) : -1;
                if (close < 0 && verb > 0) {
                    j = verb;
                    continue;
                }
                break;
            }
            // "20,000 people in Beni town were displaced", "16 people including a priest were killed"
            if (Lexicon.SUBJECT_PHRASE.contains(t[j].lower)) {
                int verb = verbAhead(t, j);
                if (verb > 0) {
                    j = verb;
                    continue;
                }
                break;
            }
            if (t[j].is("and") && j + 1 < n) {
                int num = -1;
                for (int q = j + 1; q < Math.min(n, j + 4); q++) {
                    if (t[q].isNum()) {
                        num = q;
                        break;
                    }
                }
                if (num < 0) {
                    // "11 civilians and a soldier were killed"
                    if (j + 2 < n && (t[j + 1].is("a") || t[j + 1].is("an")) && Lexicon.PEOPLE.containsKey(t[j + 2].lower)) {
                        j += 3;
                        continue;
                    }
                    break;
                }
                int h = -1;
                for (int q = num + 1; q < Math.min(n, num + 5); q++) {
                    if (Lexicon.PEOPLE.containsKey(t[q].lower)) {
                        h = q;
                    } else if (h >= 0 || Lexicon.HEAD_STOP.contains(t[q].lower)) {
                        break;
                    }
                }
                j = h >= 0 ? h + 1 : num + 1;
                continue;
            }
            break;
        }
        return j;
    }

    /** An active trigger governing the number: scans back over the object list. */
    private static Metric active(Token[] t, Cand c, Cand[] byIndex, int head) {
        int steps = 0;
        for (int b = c.qStart - 1; b >= 0 && steps < 7; b--, steps++) {
            Token x = t[b];
            if (x.isNum()) {
                Cand other = byIndex[b];
                if (other != null && other.metric != null && !other.nested && other.viaActive) {
                    // "killed 3 soldiers and 5 civilians"
                    boolean joined = false;
                    for (int k = b + 1; k < c.qStart; k++) {
                        if (t[k].is("and") || t[k].is(",") || t[k].is("as") || t[k].is("well")) {
                            joined = true;
                        }
                    }
                    if (joined) {
                        c.tollAnaphora = other.tollAnaphora;
                        c.part = other.part;
                        c.viaActive = true;
                        return other.metric;
                    }
                    return null;
                }
                return null;
            }
            if (x.isPunct()) {
                if (x.is(",") && b > 0 && steps > 0) {
                    continue; // "killed 3 soldiers, 2 police and 5 civilians"
                }
                return null;
            }
            String w = x.lower;
            Metric m = Lexicon.ACTIVE.get(w);
            if (m == null && b > 0 && (w.equals("down") && Lexicon.DOWN_VERBS.contains(t[b - 1].lower)
                || w.equals("dead") && t[b - 1].is("shot"))) {
                m = Metric.KILLED; // "gunned down 23 people", "shot dead two soldiers"
            }
            if (m == null && head >= 0 && Lexicon.BODIES.contains(t[head].lower) && Lexicon.BODY_VERBS.contains(w)) {
                m = Metric.KILLED; // "exhumed 45 corpses"
            }
            if (m != null) {
                if (head < 0 && (steps > 0 || m == Metric.DISPLACED && !bareEnds(t, c.end))) {
                    return null; // bare numbers follow the verb; what is evacuated may be things ("3 hospitals")
                }
                c.viaActive = true;
                return m;
            }
            if (Lexicon.FORCE_VERBS.contains(w)) {
                c.viaActive = true;
                return forcedCompletion(t, c.end, head) ? Metric.DISPLACED : null;
            }
            if ((w.equals("includes") || w.equals("included") || w.equals("include")) && head >= 0) {
                for (int k = b - 1; k >= Math.max(0, b - 3); k--) {
                    if (Lexicon.TOLL_WORDS.contains(t[k].lower)) {
                        c.tollAnaphora = true;
                        c.viaActive = true;
                        c.part = true;
                        return Metric.KILLED;
                    }
                    // "the dead included 24 civilians", "the wounded include 9 children"
                    Metric vm = victimMetric(t[k].lower);
                    if (vm != null && k > 0 && t[k - 1].is("the")) {
                        c.tollAnaphora = true;
                        c.viaActive = true;
                        c.part = true;
                        return vm;
                    }
                }
                return null;
            }
            if (x.has(Lexicon.F_OBJECT_STOP)) {
                return null;
            }
        }
        return null;
    }

    private static boolean forcedCompletion(Token[] t, int from, int head) {
        int n = t.length;
        for (int k = Math.max(from, head + 1); k < Math.min(n, from + 7); k++) {
            String w = t[k].lower;
            if (Lexicon.LEAVE_VERBS.contains(w) || w.equals("homes") || w.equals("home")
                || w.equals("displacement") || w.equals("out") || Lexicon.REFUGE_NOUNS.contains(w)) {
                return true;
            }
            if (t[k].isPunct()) {
                return false;
            }
        }
        return false;
    }

    /** "the death toll … rose to 21", "put the toll at 56", "a toll of 45". */
    private static Metric toll(Token[] t, Cand c) {
        int p = c.qStart - 1;
        if (p < 1) {
            return null;
        }
        String w = t[p].lower;
        boolean linked = false;
        if (w.equals("of") && (t[p - 1].is("massacre") || t[p - 1].is("killing") || t[p - 1].is("killings")
            || t[p - 1].is("deaths") || t[p - 1].is("death") || t[p - 1].is("murder") || t[p - 1].is("murders")
            || t[p - 1].is("bodies") || t[p - 1].is("remains"))) {
            return Metric.KILLED; // "the massacre of 23 farmers", "the bodies of 12 people"
        }
        if (w.equals("of") && Lexicon.DISPLACEMENT_NOUNS.contains(t[p - 1].lower)
            && (bareEnds(t, c.end) || c.end < t.length && Lexicon.PEOPLE.containsKey(t[c.end].lower))) {
            return Metric.DISPLACED; // "forced the evacuation of 2,000 residents"
        }
        if (w.equals("to") || w.equals("at") || w.equals("of")) {
            String v = t[p - 1].lower;
            linked = Lexicon.TOLL_VERBS.contains(v) || Lexicon.TOLL_WORDS.contains(v)
                || p > 1 && (Lexicon.TOLL_WORDS.contains(t[p - 2].lower) && (v.equals("now") || v.equals("total")));
        } else if (w.equals("reached") || w.equals("hit") || w.equals("topped") || w.equals("passed")
            || w.equals("passes") || w.equals("tops") || w.equals("nears") || w.equals("neared")
            || w.equals("exceeds") || w.equals("surpasses") || w.equals("crossed") || w.equals("crosses")
            || w.equals("exceeded") || w.equals("surpassed") || w.equals("reaching") || w.equals("reaches")
            || w.equals("is") || w.equals("was") || w.equals("stood") || w.equals("stands")) {
            linked = true;
        }
        if (!linked || !bareEnds(t, c.end) && !(c.end < t.length && Lexicon.PEOPLE.containsKey(t[c.end].lower))
            && !(c.end + 1 < t.length && Lexicon.PEOPLE.containsKey(t[c.end + 1].lower))) {
            return null;
        }
        // the toll must be named before the number in this sentence (not too far: long run-ons stay linear)
        for (int k = p - 1; k >= 0 && k > p - 40; k--) {
            String x = t[k].lower;
            if (Lexicon.TOLL_WORDS.contains(x) && !(x.equals("count") && !(k > 0 && (t[k - 1].is("death")
                || t[k - 1].is("body") || t[k - 1].is("casualty"))))) {
                Metric m = Metric.KILLED;
                for (int q = Math.max(0, k - 2); q < k; q++) {
                    if (t[q].is("injury") || t[q].is("injured") || t[q].is("wounded")) {
                        m = Metric.INJURED;
                    }
                    if (t[q].is("displacement") || t[q].is("displaced")) {
                        m = Metric.DISPLACED;
                    }
                }
                return m;
            }
            if (x.equals("number") && k + 2 < t.length && t[k + 1].is("of")) {
                Metric m = victimMetric(t[k + 2].lower);
                if (m != null) {
                    return m;
                }
                if (t[k + 2].is("people") && k + 3 < t.length && Lexicon.PARTICIPLE.containsKey(t[k + 3].lower)) {
                    return Lexicon.PARTICIPLE.get(t[k + 3].lower);
                }
            }
        }
        return null;
    }
}
