package org.duban.report.internal;

import java.util.ArrayList;
import java.util.List;

import org.duban.report.ReportKind;
import org.duban.report.ReportPeriod;
import org.duban.scorecard.Period;
import org.duban.scorecard.Scorecard;
import org.duban.scorecard.Scorecards;
import org.springframework.stereotype.Component;

/** Computes a report's content for its period, from the read model as it stood at the period's end. */
@Component
class ReportBuilder {

    /** Lines per listing; the totals count them all. */
    static final int LISTING_LIMIT = 50;

    private final DirectiveCounts counts;
    private final OpenDirectives open;
    private final Scorecards scorecards;
    private final org.duban.directive.RiskFlags risks;

    ReportBuilder(DirectiveCounts counts, OpenDirectives open, Scorecards scorecards,
            org.duban.directive.RiskFlags risks) {
        this.risks = risks;
        this.counts = counts;
        this.open = open;
        this.scorecards = scorecards;
    }

    ReportContent build(ReportPeriod period) {
        OpenDirectives.Snapshot snapshot = open.asOf(period.to(), period.asOf());
        int issued = counts.dispatched(period.from(), period.to());
        int closed = counts.closed(period.from(), period.to());
        if (period.kind() == ReportKind.DAILY) {
            ReportContent.Summary summary = new ReportContent.Summary(issued, closed, snapshot.open(),
                    snapshot.dueSoon().size(), snapshot.overdue().size(), null, null, null, null, null);
            return new ReportContent(period.kind().key(), period.key(), period.title(), period.from(), period.to(),
                    period.asOf(), summary, counts.dispatchedList(period.from(), period.to(), LISTING_LIMIT),
                    counts.closedList(period.from(), period.to(), LISTING_LIMIT), listing(snapshot.dueSoon()),
                    listing(snapshot.overdue()), null, null, riskLines());
        }
        Scorecard scorecard = scorecards.of(period.period());
        Scorecard.Row all = scorecard.overall();
        ReportContent.Summary summary = new ReportContent.Summary(issued, closed, snapshot.open(),
                snapshot.dueSoon().size(), snapshot.overdue().size(), all.handled(), all.onTime(), all.onTimeRate(),
                all.averageScore(), all.urges());
        return new ReportContent(period.kind().key(), period.key(), period.title(), period.from(), period.to(),
                period.asOf(), summary, null, null, listing(snapshot.dueSoon()), listing(snapshot.overdue()),
                ranking(scorecard), trend(period.period(), all), null);
    }

    private List<ReportContent.RiskLine> riskLines() {
        return risks.open(null).stream().limit(LISTING_LIMIT)
                .map(r -> new ReportContent.RiskLine(r.number(), r.title(), r.departmentName(), r.ruleLabel(), r.reason()))
                .toList();
    }

    private static ReportContent.Listing listing(List<ReportContent.Line> lines) {
        return new ReportContent.Listing(lines.size(), List.copyOf(lines.subList(0, Math.min(lines.size(), LISTING_LIMIT))));
    }

    private static List<ReportContent.RankLine> ranking(Scorecard scorecard) {
        return scorecard.departments().stream()
                .map(r -> new ReportContent.RankLine(r.rank(), r.department(), r.name(), r.handled(), r.onTime(),
                        r.onTimeRate(), r.averageScore(), r.urges(), r.levelName()))
                .toList();
    }

    private List<ReportContent.TrendLine> trend(Period period, Scorecard.Row all) {
        List<Period> periods = period.lastPeriods(Scorecards.TREND_LENGTH);
        List<ReportContent.TrendLine> lines = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            Scorecard.TrendPoint point = all.trend().get(i);
            lines.add(new ReportContent.TrendLine(p.key(), p.label(), counts.dispatched(p.from(), p.to()),
                    counts.closed(p.from(), p.to()), point.handled(), point.onTimeRate(), point.averageScore()));
        }
        return lines;
    }
}
