package io.tollwatch.extract;

import io.tollwatch.count.Metric;

/**
 * A toll set to a number: "the death toll … rose to 21", "put the toll at 56", "the massacre of 23 farmers", "the
 * evacuation of 2,000 residents", "brings to 41,000 the number of people displaced".
 */
final class TollPhrases {
    private TollPhrases() {
    }

    /** "brings to 41,000 the number of people displaced": the metric of the number that follows the figure. */
    static Metric numberOfAfter(Token[] t, int end) {
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
            Metric m = Heads.victimMetric(x.lower);
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

    /** "the death toll … rose to 21", "put the toll at 56", "a toll of 45". */
    static Metric toll(Token[] t, int qStart, int end) {
        int p = qStart - 1;
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
            && (Heads.bareEnds(t, end) || end < t.length && Lexicon.PEOPLE.containsKey(t[end].lower))) {
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
        if (!linked || !Heads.bareEnds(t, end) && !(end < t.length && Lexicon.PEOPLE.containsKey(t[end].lower))
            && !(end + 1 < t.length && Lexicon.PEOPLE.containsKey(t[end + 1].lower))) {
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
                Metric m = Heads.victimMetric(t[k + 2].lower);
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
