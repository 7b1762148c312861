package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

    /** A candidate while the rules decide it; frozen into a {@link Candidate} once the sentence is read. */
    private static final class Draft {
        int num;
        int qStart;
        int end;
        long value;
        Long high;
        Qualifier qualifier = Qualifier.EXACT;
        Metric metric;
        Population population = Population.ALL;
        boolean nested;
        Draft parent;
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

        Candidate freeze(Map<Draft, Candidate> frozen) {
            Candidate done = frozen.get(this);
            if (done == null) {
                done = new Candidate(num, qStart, end, value, high, qualifier, metric, population, nested,
                    parent == null ? null : parent.freeze(frozen), ofThem, tollAnaphora, viaActive, silent, viaToll,
                    part, another, unit);
                frozen.put(this, done);
            }
            return done;
        }
    }


    /** The figures of a sentence's tokens, in order; {@code previousSentenceLast} is the figure before it or null. */
    List<Candidate> read(Token[] t, Candidate previousSentenceLast) {
        int n = t.length;
        List<Draft> out = new ArrayList<>(4);
        List<Draft> all = new ArrayList<>(4);
        Draft[] byIndex = new Draft[n];
        boolean[] consumed = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!t[i].isNum() || consumed[i] || NotAFigure.test(t, i)) {
                continue;
            }
            Draft c = new Draft();
            c.num = i;
            c.value = Math.round(t[i].value);
            c.end = i + 1;
            Qualifiers.Hedge hedge = Qualifiers.of(t, i);
            c.qualifier = hedge.qualifier();
            c.qStart = hedge.start();
            c.another = hedge.another();
            // range: "between 250,000 and 300,000", "18 to 25 people"
            if (i + 2 < n && t[i + 2].isNum() && !NotAFigure.test(t, i + 2)
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
            if (NotAFigure.superseded(t, c.qStart)) {
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
                        int numIdx = Qualifiers.numberAt(t, k + 2);
                        if (numIdx > 0 && numIdx + 1 < n && t[numIdx].isNum()
                            && Lexicon.PEOPLE.get(t[numIdx + 1].lower) != null
                            && !Lexicon.FAMILY_WORDS.contains(t[numIdx + 1].lower)) {
                            c.value = Math.round(t[numIdx].value);
                            c.qualifier = Qualifiers.of(t, numIdx).qualifier();
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
        if (out.isEmpty()) {
            return List.of();
        }
        Map<Draft, Candidate> frozen = new IdentityHashMap<>();
        List<Candidate> done = new ArrayList<>(out.size());
        for (Draft c : out) {
            done.add(c.freeze(frozen));
        }
        return done;
    }

    /** Index just past the figure's head noun (or number). */
    private static int afterHead(Token[] t, Draft c) {
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



    // ------------------------------------------------------------------ qualifiers



    // ------------------------------------------------------------------ the decision

    private boolean decide(Token[] t, Draft c, List<Draft> sofar, Draft[] byIndex, Candidate prevSentence) {
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
            if (sofar.isEmpty()) {
                pop = prevSentence != null && !prevSentence.silent() ? prevSentence.population() : Population.ALL;
            } else {
                Draft ante = sofar.get(sofar.size() - 1);
                for (int k = sofar.size() - 1; k >= 0 && ante.silent; k--) {
                    ante = sofar.get(k);
                }
                pop = !ante.silent ? ante.population : Population.ALL;
            }
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
                        pop = Heads.memberPopulation(t, after, j, w);
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
        Draft parent = nestParent(t, c, sofar, byIndex);
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
            Metric m = Heads.victimMetric(t[after + 2].lower);
            for (int j = after + 4; j < Math.min(n, after + 8); j++) {
                Population p = Lexicon.PEOPLE.get(t[j].lower);
                if (p != null && m != null) {
                    if (p == Population.ALL || Heads.mixedGroup(t, j, p)) {
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
            Metric m = Heads.victimMetric(t[c.qStart - 2].lower);
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
                Metric vm = Heads.vagueTrigger(t[k]);
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
            Draft last = sofar.get(sofar.size() - 1);
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
            && !(after + 1 < n && (t[after + 1].isNum() || Heads.startsObject(t, after + 1)))) {
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
            m = PeopleVerbs.lives(t, c.qStart, after) ? Metric.KILLED : null;
            if (m == null) {
                return false;
            }
        }
        // "brings to 41,000 the number of people displaced"
        if (m == null) {
            m = TollPhrases.numberOfAfter(t, c.end);
        }
        // 3. a participle right after the people: "255 people killed", "86,000 people displaced by …"
        if (m == null && head >= 0 && k0 < n && Lexicon.PARTICIPLE.containsKey(t[k0].lower)
            && !(k0 + 1 < n && (t[k0 + 1].isNum() || Heads.startsObject(t, k0 + 1)))) {
            m = Lexicon.PARTICIPLE.get(t[k0].lower);
        }
        // 4. passive or intransitive: "52 villagers were killed", "3,000 residents had fled"
        if (m == null && (head >= 0 || c.ofThem || after < n && Lexicon.BARE_AUX.contains(t[after].lower))) {
            m = PeopleVerbs.passive(t, k0, headWord);
        }
        // 5. an active trigger before it
        if (m == null) {
            m = active(t, c, byIndex, head);
        }
        // 6. a toll set to it
        if (m == null) {
            m = TollPhrases.toll(t, c.qStart, c.end);
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

    private static Draft nestParent(Token[] t, Draft c, List<Draft> sofar, Draft[] byIndex) {
        if (sofar.isEmpty()) {
            return null;
        }
        int b = c.qStart - 1;
        if (b < 0) {
            return null;
        }
        Draft last = sofar.get(sofar.size() - 1);
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


    /** An active trigger governing the number: scans back over the object list. */
    private static Metric active(Token[] t, Draft c, Draft[] byIndex, int head) {
        int steps = 0;
        for (int b = c.qStart - 1; b >= 0 && steps < 7; b--, steps++) {
            Token x = t[b];
            if (x.isNum()) {
                Draft other = byIndex[b];
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
                if (head < 0 && (steps > 0 || m == Metric.DISPLACED && !Heads.bareEnds(t, c.end))) {
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
                    Metric vm = Heads.victimMetric(t[k].lower);
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
}
