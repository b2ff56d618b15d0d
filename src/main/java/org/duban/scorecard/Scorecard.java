package org.duban.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The scorecard (考评) of one period: one row per department, ranked, and the city-wide totals.
 * A department's part counts in the period in which its completion was accepted ({@code done_on}).
 *
 * @param ranked how many departments have a rank (those that finished at least one part)
 * @param overall every department together; absent for people who may see only their own department
 */
public record Scorecard(String period, Period.Kind kind, String label, LocalDate from, LocalDate to, int ranked,
        List<Row> departments, Row overall,
        @io.swagger.v3.oas.annotations.media.Schema(description = "只列此层级的单位（层级代码）；缺省为全部层级") String level,
        @io.swagger.v3.oas.annotations.media.Schema(description = "只列此单位及其下级单位（单位代码）") String under) {

    /**
     * @param rank        1 for the best among the units of the same level shown (a street against streets, never
     *                    against a city bureau); equal figures share a rank; absent when nothing was finished
     * @param handled     parts finished (accepted) in the period
     * @param onTime      of those, submitted by the (possibly extended) deadline
     * @param onTimeRate  on-time share in percent, one decimal; absent when nothing was finished
     * @param averageScore mean score of the finished parts, one decimal; absent when none was scored
     * @param urges       urges (催办) the finished parts received while they were handled
     * @param trend       this period and the five before it, oldest first
     */
    public record Row(String department, String name, Integer rank, int handled, int onTime, BigDecimal onTimeRate,
            BigDecimal averageScore, int urges, List<TrendPoint> trend,
            @io.swagger.v3.oas.annotations.media.Schema(description = "层级代码") String level,
            @io.swagger.v3.oas.annotations.media.Schema(description = "层级名称") String levelName) {}

    public record TrendPoint(String period, String label, int handled, BigDecimal onTimeRate, BigDecimal averageScore) {}

    public Scorecard withRows(List<Row> rows, Row overall) {
        return new Scorecard(period, kind, label, from, to, ranked, rows, overall, level, under);
    }
}
