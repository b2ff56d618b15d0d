package org.duban.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @ParameterizedTest(name = "{0} is {1} from {2} to {3}")
    @CsvSource({
            "2026-11,   MONTH,   2026-11-01, 2026-11-30, 2026年11月",
            "2026-02,   MONTH,   2026-02-01, 2026-02-28, 2026年2月",
            "2026-Q4,   QUARTER, 2026-10-01, 2026-12-31, 2026年第四季度",
            "2026-Q1,   QUARTER, 2026-01-01, 2026-03-31, 2026年第一季度",
            "2026,      YEAR,    2026-01-01, 2026-12-31, 2026年",
            "2026-W48,  WEEK,    2026-11-23, 2026-11-29, 2026年第48周",
            // ISO weeks: the first week of 2026 starts in 2025; 2026 has 53 weeks
            "2026-W01,  WEEK,    2025-12-29, 2026-01-04, 2026年第1周",
            "2026-W53,  WEEK,    2026-12-28, 2027-01-03, 2026年第53周",
            "' 2026-11 ', MONTH, 2026-11-01, 2026-11-30, 2026年11月"
    })
    void parsesWhatTheOfficesWrite(String text, Period.Kind kind, LocalDate from, LocalDate to, String label) {
        Period period = Period.parse(text).orElseThrow();
        assertThat(period.kind()).isEqualTo(kind);
        assertThat(period.from()).isEqualTo(from);
        assertThat(period.to()).isEqualTo(to);
        assertThat(period.label()).isEqualTo(label);
        assertThat(Period.parse(period.key())).contains(period);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2025-W53", "2026-W00", "26-11", "2026/11",
            "1999", "2026-1", "2026-11-25", "abc", "2026-q4"})
    void refusesEverythingElse(String text) {
        assertThat(Period.parse(text)).isEmpty();
    }

    @Test
    void previousPeriodsCrossYearEnds() {
        assertThat(Period.parse("2026-02").orElseThrow().lastPeriods(6)).extracting(Period::key)
                .containsExactly("2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02");
        assertThat(Period.parse("2026-Q1").orElseThrow().previous().key()).isEqualTo("2025-Q4");
        assertThat(Period.parse("2026-W01").orElseThrow().previous().key()).isEqualTo("2025-W52");
        assertThat(Period.containing(Period.Kind.WEEK, LocalDate.of(2027, 1, 1)).key()).isEqualTo("2026-W53");
    }
}
