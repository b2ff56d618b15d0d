package org.duban.scorecard.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.duban.scorecard.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds up finished department parts per department and period in the database, over the read model's
 * {@code done_on} dates (index {@code directive_department_by_done_on}): one statement for a period and the
 * periods before it, however many directives there are. Only the step that accepts a part ({@code DONE}) sets
 * {@code done_on}, and nothing moves a part out of {@code DONE}, so the date alone selects finished parts. The
 * periods are consecutive, so every row in the range falls into one of them.
 */
@Component
public class ScorecardQuery {

    private final JdbcTemplate jdbc;

    ScorecardQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** For each period (same order as given) the figures of every department that finished something in it. */
    public List<Map<String, Figures>> byDepartment(List<Period> periods) {
        StringBuilder bucket = new StringBuilder("CASE");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            bucket.append(" WHEN done_on >= ? AND done_on <= ? THEN ").append(i);
            args.add(periods.get(i).from());
            args.add(periods.get(i).to());
        }
        bucket.append(" END");
        LocalDate first = periods.stream().map(Period::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = periods.stream().map(Period::to).max(LocalDate::compareTo).orElseThrow();
        args.add(first);
        args.add(last);
        List<Map<String, Figures>> result = new ArrayList<>();
        periods.forEach(p -> result.add(new HashMap<>()));
        jdbc.query("SELECT department, bucket, COUNT(*), "
                + "SUM(CASE WHEN late_days IS NULL OR late_days <= 0 THEN 1 ELSE 0 END), "
                + "COUNT(score), SUM(score), SUM(urge_count) "
                + "FROM (SELECT department, late_days, score, urge_count, " + bucket + " AS bucket "
                + "FROM directive_department WHERE done_on >= ? AND done_on <= ?) finished "
                + "GROUP BY department, bucket", rs -> {
                    BigDecimal sum = rs.getBigDecimal(6);
                    result.get(rs.getInt(2)).put(rs.getString(1), new Figures(rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            sum == null ? BigDecimal.ZERO : sum, rs.getInt(7)));
                }, args.toArray());
        return result;
    }
}
