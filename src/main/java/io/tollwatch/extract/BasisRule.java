package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import io.tollwatch.count.Metric;

/** Basis classification (spec §1 `basis`): a cumulative toll or one incident's count, from the sentence's cues. */
final class BasisRule {
    private BasisRule() {
    }

    /**
     * Cumulative when the wording spans a period ("since", "so far", "this year", "a week of"), incident when it
     * names one event (a strike, attack, bombing, raid …), else cumulative for a running episode (war, offensive,
     * fighting, clashes) or a present-perfect toll ("have been killed"), else incident — except displacement, which
     * is a running stock unless tied to a day.
     */
    static Basis of(Discourse d, Candidate c, SentenceCues q) {
        if (c.tollAnaphora() && d.basis() != null) {
            return d.basis();
        }
        if (q.cumulative() || q.episodeToll()) {
            return Basis.CUMULATIVE; // "the toll from the rebel offensive rose to 277 on Saturday"
        }
        if (q.incident()) {
            return Basis.INCIDENT;
        }
        if (q.perfect() || q.remain() || q.period()) {
            return Basis.CUMULATIVE;
        }
        if (q.episode()) {
            return q.dayRef() ? Basis.INCIDENT : Basis.CUMULATIVE; // "fighting on Monday killed 5" is one clash
        }
        if (c.metric() == Metric.DISPLACED) {
            return q.dayRef() ? Basis.INCIDENT : Basis.CUMULATIVE;
        }
        return Basis.INCIDENT;
    }
}
