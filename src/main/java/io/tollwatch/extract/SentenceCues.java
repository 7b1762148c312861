package io.tollwatch.extract;

import java.util.List;

/**
 * What a sentence as a whole says about time, events and what it refers back to; the basis and the day rules read
 * these, not the words.
 *
 * @param cumulative    spans a period: "since", "so far", "to date", "this year", "in total", "a week of"
 * @param incident      names one event (strike, attack, bombing, raid, …)
 * @param episode       names a drawn-out episode (war, offensive, fighting, …)
 * @param perfect       a present-perfect toll: "have been killed", "has displaced"
 * @param remain        "remain displaced", "remain in camps"
 * @param dayRef        names a day of an event (not of a statement: "said on Monday")
 * @param anaphoricToll refers back to a toll: "the dead", "the toll", "of them"
 * @param focalRef      "the city", "the town": the report's focal place
 * @param period        a named period: "in 2024", "in April and May", "last year"
 * @param war           a war, conflict or insurgency as such
 * @param episodeToll   the toll is an episode's: "the toll from the rebel offensive"
 */
record SentenceCues(boolean cumulative, boolean incident, boolean episode, boolean perfect, boolean remain,
                    boolean dayRef, boolean anaphoricToll, boolean focalRef, boolean period, boolean war,
                    boolean episodeToll) {

    /** The cues of sentence tokens {@code t}; words inside an attribution ("the war monitor") do not count. */
    static SentenceCues of(Token[] t, List<Attribution.Attr> attrs) {
        boolean cumulative = false;
        boolean incident = false;
        boolean episode = false;
        boolean perfect = false;
        boolean remain = false;
        boolean dayRef = false;
        boolean anaphoric = false;
        boolean focalRef = false;
        boolean period = false;
        boolean war = false;
        int n = t.length;
        int[][] spans = new int[attrs.size()][];
        for (int a = 0; a < spans.length; a++) {
            spans[a] = new int[] {attrs.get(a).start(), attrs.get(a).end()};
        }
        for (int i = 0; i < n; i++) {
            Token x = t[i];
            if (!x.isWord() || inSpans(x, spans)) {
                continue;
            }
            String w = x.lower;
            String nx = i + 1 < n ? t[i + 1].lower : "";
            String nx2 = i + 2 < n ? t[i + 2].lower : "";
            dayRef |= Lexicon.RELATIVE_DAYS.contains(w);
            switch (w) {
                case "since", "cumulative", "overall", "altogether" -> cumulative = true;
                case "so", "thus" -> cumulative |= nx.equals("far");
                case "to" -> cumulative |= nx.equals("date");
                case "this" -> cumulative |= nx.equals("year") || nx.equals("month");
                case "in" -> cumulative |= nx.equals("total") || nx.equals("the") && (nx2.equals("past")
                    || nx2.equals("last"));
                case "over", "during", "throughout" -> cumulative |= nx.equals("the") && (nx2.equals("past")
                    || nx2.equals("last") || nx2.equals("course"));
                case "week", "weeks", "months", "month", "years", "days", "year" -> cumulative |= nx.equals("of")
                    && i > 0 && (t[i - 1].isNum() || t[i - 1].is("a") || t[i - 1].is("several")
                    || t[i - 1].is("two") || t[i - 1].is("three"));
                case "remain", "remains", "remained" -> remain |= nx.equals("displaced") || nx.equals("internally")
                    || nx.equals("homeless") || nx.equals("uprooted") || nx.equals("in") && nx2.equals("camps");
                case "has", "have" -> {
                    if (Lexicon.ACTIVE.containsKey(nx) || Lexicon.PARTICIPLE.containsKey(nx)
                        || Lexicon.INTRANSITIVE.containsKey(nx) || nx.equals("been") || nx.equals("since")
                        || nx.equals("crossed") || nx.equals("forced") || nx.equals("now")) {
                        perfect = true;
                    }
                }
                case "last", "past" -> period |= nx.equals("year") || nx.equals("month") || nx.equals("months")
                    || nx.equals("years") || nx.equals("decade");
                case "city", "town", "capital", "village", "camp" -> focalRef |= i > 0 && t[i - 1].is("the")
                    && !(nx.equals("of") || i + 1 < n && t[i + 1].capitalised());
                case "toll", "dead", "victims", "wounded", "injured", "killed" -> anaphoric |= i > 0
                    && t[i - 1].is("the") && !(nx.equals("from") || nx.equals("of") || nx.equals("in"));
                case "them" -> anaphoric |= i > 0 && t[i - 1].is("of");
                default -> {
                }
            }
            if (x.has(Lexicon.F_INCIDENT)) {
                incident = true;
            }
            if (x.has(Lexicon.F_EPISODE)) {
                episode = true;
                war |= w.equals("war") || w.equals("conflict") || w.equals("insurgency") || w.equals("wars");
            }
            if ((w.equals("in") || w.equals("during") || w.equals("throughout") || w.equals("between"))
                && i + 1 < n && (t[i + 1].isNum() && t[i + 1].yearLike
                || Lexicon.MONTHS.contains(t[i + 1].lower) && !(i + 2 < n && t[i + 2].isNum() && !t[i + 2].yearLike))) {
                period = true; // "in 2024", "in April and May"
            }
            if ((x.flags & (Lexicon.F_WEEKDAY | Lexicon.F_MONTH)) == 0) {
                continue;
            }
            boolean statementDay = i > 0 && (t[i - 1].has(Lexicon.F_SAY)
                || t[i - 1].is("on") && i > 1 && t[i - 2].has(Lexicon.F_SAY));
            if (x.has(Lexicon.F_WEEKDAY) && !statementDay || x.has(Lexicon.F_MONTH) && (i + 1 < n && t[i + 1].isNum()
                || i + 2 < n && t[i + 1].is(".") && t[i + 2].isNum())) {
                dayRef = true;
            }
        }
        return new SentenceCues(cumulative, incident, episode, perfect, remain, dayRef, anaphoric, focalRef, period,
            war, episodeToll(t) > 0);
    }

    /**
     * What a toll is "from": +1 when the first event word after "toll from/of/in" names an episode ("the toll from
     * the rebel offensive", "the death toll in the war"), -1 when it names one event ("the toll from the strike",
     * "Tuesday's bombing"), else 0.
     */
    static int episodeToll(Token[] t) {
        int n = t.length;
        for (int i = 0; i + 2 < n; i++) {
            if (!(t[i].is("toll") || t[i].is("tally"))
                || !(t[i + 1].is("from") || t[i + 1].is("of") || t[i + 1].is("in"))) {
                continue;
            }
            for (int k = i + 2; k < Math.min(n, i + 9); k++) {
                Token x = t[k];
                if (x.isNum() || x.isPunct() && !x.is("'s") && !x.is("-")) {
                    break;
                }
                if (Lexicon.TOLL_EPISODES.contains(x.lower)) {
                    return 1;
                }
                if (x.has(Lexicon.F_INCIDENT) || x.is("crash") || x.is("stampede") || x.is("collapse")
                    || x.is("fire")) {
                    return -1;
                }
                if (Lexicon.TOLL_PHRASE_END.contains(x.lower) || x.has(Lexicon.F_SAY)) {
                    break;
                }
            }
        }
        return 0;
    }

    private static boolean inSpans(Token x, int[][] spans) {
        for (int[] sp : spans) {
            if (x.start >= sp[0] && x.end <= sp[1]) {
                return true;
            }
        }
        return false;
    }
}
