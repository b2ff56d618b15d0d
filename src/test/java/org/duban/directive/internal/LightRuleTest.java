package org.duban.directive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.duban.calendar.internal.ShippedCalendar;
import org.duban.directive.DirectiveTemplate;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.Light;
import org.duban.directive.PartStatus;
import org.duban.directive.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The one light rule, state by state, in working days (2026 calendar). Deadline Thursday 2026-12-10, yellow from
 * Monday 12-07 (three working days before). The same rule serves the stored lights, the pages, the API and the
 * reports (see LightAgreementIT for them agreeing).
 */
class LightRuleTest {

    static final LocalDate DEADLINE = LocalDate.parse("2026-12-10");
    static final LocalDate YELLOW_FROM = LocalDate.parse("2026-12-07");

    final LightRule rule = new LightRule(ShippedCalendar.of2026(Clock.systemUTC()), new DirectiveTemplates(List.of(
            new DirectiveTemplate("general", "一般督办事项", true, 1, Map.of(
                    Priority.NORMAL, new DirectiveTemplate.Offsets(3, 1, 3),
                    Priority.URGENT, new DirectiveTemplate.Offsets(2, 1, 2),
                    Priority.CRITICAL, new DirectiveTemplate.Offsets(1, 1, 1))))));

    @ParameterizedTest(name = "{0}: {1} submitted {2} (late {3}), on {4} → {5}")
    @CsvSource(nullValues = "-", value = {
            "on time,                          HANDLING,            -,          -,  2026-12-01, GREEN",
            "due soon from the warning day,    HANDLING,            -,          -,  2026-12-07, YELLOW",
            "due soon on the deadline,         HANDLING,            -,          -,  2026-12-10, YELLOW",
            "overdue the next working day,     HANDLING,            -,          -,  2026-12-11, RED",
            "not signed and overdue,           TO_SIGN,             -,          -,  2026-12-11, RED",
            "returned and overdue,             RETURNED,            -,          -,  2026-12-14, RED",
            "waiting for an extension,         EXTENSION_REQUESTED, -,          -,  2026-12-08, YELLOW",
            "submitted on time and waiting,    UNDER_REVIEW,        2026-12-03, 0,  2026-12-14, GREEN",
            "submitted when yellow and waiting, UNDER_REVIEW,        2026-12-08, 0,  2026-12-14, YELLOW",
            "submitted late and waiting,       UNDER_REVIEW,        2026-12-11, 1,  2026-12-14, RED",
            "submitted today,                  UNDER_REVIEW,        2026-12-14, 2,  2026-12-14, RED",
            "reworked past the deadline,       HANDLING,            2026-12-09, 0,  2026-12-14, RED",
            "done on time,                     DONE,                2026-12-10, 0,  2026-12-20, DONE",
            "done late by working days,        DONE,                2026-12-11, 1,  2026-12-20, DONE_LATE",
            "cancelled,                        CANCELLED,           -,          -,  2026-12-20, -"})
    void followsTheWorkingDays(String state, PartStatus status, LocalDate submitted, Integer lateDays, LocalDate day,
            Light expected) {
        assertThat(rule.part(status, DEADLINE, YELLOW_FROM, submitted, lateDays, day)).as(state).isEqualTo(expected);
    }

    @Test
    void aFridayDeadlineIsNotRedOverTheWeekendAndAResultOnSaturdayIsOnTime() {
        LocalDate friday = LocalDate.parse("2026-12-11");
        LocalDate saturday = friday.plusDays(1);
        LocalDate monday = friday.plusDays(3);
        assertThat(rule.part(PartStatus.HANDLING, friday, friday.minusDays(4), null, null, saturday)).isEqualTo(Light.YELLOW);
        assertThat(rule.part(PartStatus.HANDLING, friday, friday.minusDays(4), null, null, monday)).isEqualTo(Light.RED);
        assertThat(rule.lateDays(friday, saturday)).isZero();
        assertThat(rule.part(PartStatus.DONE, friday, friday.minusDays(4), saturday, null, monday)).isEqualTo(Light.DONE);
        assertThat(rule.redFrom(friday)).isEqualTo(monday);
    }

    @Test
    void aDeadlineBeforeAHolidayTurnsRedOnTheFirstWorkingDayAfterIt() {
        LocalDate beforeNationalDay = LocalDate.parse("2026-09-30");
        assertThat(rule.redFrom(beforeNationalDay)).isEqualTo(LocalDate.parse("2026-10-08"));
        assertThat(rule.part(PartStatus.HANDLING, beforeNationalDay, LocalDate.parse("2026-09-25"), null, null,
                LocalDate.parse("2026-10-05"))).isEqualTo(Light.YELLOW);
    }

    @Test
    void theWarningDayFollowsTheTemplateAndPriority() {
        assertThat(rule.yellowFrom("general", Priority.NORMAL, DEADLINE)).isEqualTo(YELLOW_FROM);
        assertThat(rule.yellowFrom("general", Priority.CRITICAL, DEADLINE)).isEqualTo(LocalDate.parse("2026-12-09"));
    }

    @Test
    void aDirectiveShowsItsWorstPart() {
        assertThat(Light.worst(List.of(Light.GREEN, Light.RED, Light.DONE))).isEqualTo(Light.RED);
        assertThat(Light.worst(List.of(Light.DONE, Light.YELLOW))).isEqualTo(Light.YELLOW);
        assertThat(Light.worst(List.of(Light.DONE, Light.DONE_LATE))).isEqualTo(Light.DONE_LATE);
        assertThat(Light.worst(List.of(Light.DONE, Light.DONE))).isEqualTo(Light.DONE);
    }
}
