package io.tollwatch.extract;

import io.tollwatch.count.Metric;

/**
 * The people as the subject of a passive or intransitive trigger: "52 villagers were killed", "3,000 residents had
 * fled", "had to evacuate", "were hacked to death", "34 bodies were found", over asides and further subjects
 * ("558 people, including 50 children, were killed", "three fighters and two civilians were killed").
 */
final class PeopleVerbs {
    private PeopleVerbs() {
    }

    /** Words that may stand inside a verb group: adverbs ("safely", "yesterday"), "on Wednesday". */
    static boolean skippableInVerb(Token[] t, int j) {
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
    static int verbAhead(Token[] t, int j) {
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
    static boolean lives(Token[] t, int qStart, int after) {
        int b = qStart - 1;
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

    /** Passive or intransitive trigger after the people, from token k. */
    static Metric passive(Token[] t, int k, String headWord) {
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
            Metric m = Heads.victimMetric(t[j + 2].lower); // "three children were among those killed"
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
    static int skipAsides(Token[] t, int k) {
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
}
