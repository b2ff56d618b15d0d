package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LightTest {

    static final LocalDate DEADLINE = LocalDate.parse("2026-12-10");
    static final LocalDate YELLOW_FROM = LocalDate.parse("2026-12-07");

    @ParameterizedTest(name = "{0} submitted {1}, today {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "HANDLING,     -,          2026-12-01, GREEN",
            "HANDLING,     -,          2026-12-07, YELLOW",
            "HANDLING,     -,          2026-12-10, YELLOW",
            "HANDLING,     -,          2026-12-11, RED",
            "TO_SIGN,      -,          2026-12-11, RED",
            "UNDER_REVIEW, 2026-12-03, 2026-12-14, GREEN",     // submitted in time: the review's length is not the department's fault
            "UNDER_REVIEW, 2026-12-08, 2026-12-14, YELLOW",
            "UNDER_REVIEW, 2026-12-11, 2026-12-14, RED",
            "DONE,         2026-12-10, 2026-12-20, DONE",
            "DONE,         2026-12-11, 2026-12-20, DONE_LATE"})
    void followsTheDates(DepartmentStatus status, LocalDate submitted, LocalDate today, Light expected) {
        assertThat(Light.of(status, DEADLINE, YELLOW_FROM, submitted, today)).isEqualTo(expected);
    }

    @Test
    void aDirectiveShowsItsWorstPart() {
        assertThat(Light.worst(List.of(Light.GREEN, Light.RED, Light.DONE))).isEqualTo(Light.RED);
        assertThat(Light.worst(List.of(Light.DONE, Light.YELLOW))).isEqualTo(Light.YELLOW);
        assertThat(Light.worst(List.of(Light.DONE, Light.DONE_LATE))).isEqualTo(Light.DONE_LATE);
        assertThat(Light.worst(List.of(Light.DONE, Light.DONE))).isEqualTo(Light.DONE);
    }
}
