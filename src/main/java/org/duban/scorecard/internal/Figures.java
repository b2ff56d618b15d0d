package org.duban.scorecard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What the finished parts of one unit (or of all) add up to in one period, with the rates people read. */
public record Figures(int handled, int onTime, int scored, BigDecimal scoreSum, int urges) {

    public static final Figures NONE = new Figures(0, 0, 0, BigDecimal.ZERO, 0);

    public static Figures of(org.duban.directive.DirectiveStatistics.UnitResults r) {
        return new Figures(r.handled(), r.onTime(), r.scored(), r.scoreSum(), r.urges());
    }

    public Figures plus(Figures other) {
        return new Figures(handled + other.handled, onTime + other.onTime, scored + other.scored,
                scoreSum.add(other.scoreSum), urges + other.urges);
    }

    /** Percent with one decimal, rounded half up, so that every page and report shows the same figure. */
    public BigDecimal onTimeRate() {
        return handled == 0 ? null
                : BigDecimal.valueOf(onTime * 100L).divide(BigDecimal.valueOf(handled), 1, RoundingMode.HALF_UP);
    }

    public BigDecimal averageScore() {
        return scored == 0 ? null : scoreSum.divide(BigDecimal.valueOf(scored), 1, RoundingMode.HALF_UP);
    }
}
