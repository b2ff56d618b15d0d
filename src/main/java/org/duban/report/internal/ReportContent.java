package org.duban.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A report's figures, stored as JSON and rendered for the page and the mail. Built only from dates in the
 * read model, so generating it again for the same period gives the same content. Sections a kind does not
 * have are absent.
 *
 * @param newDirectives directives dispatched in the period (日报告)
 * @param closed        directives closed in the period (日报告)
 * @param dueSoon       open directives showing yellow on {@code asOf}
 * @param overdue       open directives past a department's deadline on {@code asOf}
 * @param ranking       departments' scorecard for the period, ranked ones first (周分析、月小结、季讲评)
 * @param trend         the period and the five before it, oldest first (周分析、月小结、季讲评)
 */
public record ReportContent(String kind, String period, String title, LocalDate from, LocalDate to, LocalDate asOf,
        Summary summary, Listing newDirectives, Listing closed, Listing dueSoon, Listing overdue,
        List<RankLine> ranking, List<TrendLine> trend, List<RiskLine> risks) {

    /** An open early-warning flag (风险预警) when the daily report was built; none in the periodic reports. */
    public record RiskLine(String number, String title, String department, String rule, String reason) {
    }

    /**
     * @param issued      directives dispatched in the period
     * @param closed      directives closed in the period
     * @param open        directives still open at the end of the period
     * @param dueSoon     of those, showing yellow on the day after
     * @param overdue     of those, showing red on the day after
     * @param handled     department parts finished in the period (null in the daily report)
     * @param onTime      of those, on time
     * @param onTimeRate  percent, one decimal
     * @param averageScore of the finished parts, one decimal
     * @param urges       received by the finished parts
     */
    public record Summary(int issued, int closed, int open, int dueSoon, int overdue, Integer handled, Integer onTime,
            BigDecimal onTimeRate, BigDecimal averageScore, Integer urges) {}

    /** At most a page of lines, and how many there are in all. */
    public record Listing(int total, List<Line> lines) {}

    /**
     * One directive in a listing.
     *
     * @param departments the departments the line is about (late or close to their deadline), by name
     */
    public record Line(String number, String title, String lead, LocalDate deadline, List<String> departments,
            BigDecimal score) {}

    /** @param rank within the unit's level ({@code levelName}): bureaus against bureaus, districts against districts */
    public record RankLine(Integer rank, String department, String name, int handled, int onTime, BigDecimal onTimeRate,
            BigDecimal averageScore, int urges, String levelName) {}

    public record TrendLine(String period, String label, int issued, int closed, int handled, BigDecimal onTimeRate,
            BigDecimal averageScore) {}
}
