package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;

/**
 * Metric and population classification from the nouns around a number: the victims a word names ("the dead",
 * "the wounded"), the population of "members of the army", mixed groups ("women and children"), and where a bare
 * number's phrase ends.
 */
final class Heads {
    private Heads() {
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

    static Metric vagueTrigger(Token x) {
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

    static boolean startsObject(Token[] t, int k) {
        String w = t[k].lower;
        return w.equals("a") || w.equals("an") || w.equals("the") || w.equals("at") && k + 1 < t.length
            && t[k + 1].is("least") || w.equals("more") || w.equals("about") || w.equals("some")
            || w.equals("nearly") || w.equals("around") || w.equals("over") || w.equals("dozens")
            || w.equals("hundreds") || w.equals("scores") || w.equals("thousands") || w.equals("his")
            || w.equals("their") || w.equals("her") || Lexicon.PEOPLE.containsKey(w);
    }

    /** "women and children": the noun at j is joined to people of another population. */
    static boolean mixedGroup(Token[] t, int j, Population p) {
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

    /** The metric a word for victims names ("the dead", "the wounded"), or null. */
    static Metric victimMetric(String w) {
        return Lexicon.VICTIM_METRIC.get(w);
    }

    static Population memberPopulation(Token[] t, int after, int j, String w) {
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
}
