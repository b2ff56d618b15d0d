package org.duban.directive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.duban.calendar.internal.ShippedCalendar;
import org.duban.directive.PartRole;
import org.duban.directive.PartStatus;
import org.duban.directive.ReportCycle;
import org.duban.directive.internal.RiskRules.Context;
import org.duban.directive.internal.RiskRules.Part;
import org.duban.directive.internal.RiskRules.Risk;
import org.duban.directive.internal.RiskRules.Rule;
import org.duban.directive.internal.RiskRules.Settings;
import org.junit.jupiter.api.Test;

/** Each early-warning rule on constructed parts: fires with its reason, stays quiet on the boundary. */
class RiskRulesTest {

    // November 2026 has no public holidays: Monday 2 November to Friday 6 November is a plain working week.
    static final LocalDate MON = LocalDate.of(2026, 11, 2);

    final RiskRules rules = new RiskRules(Settings.defaults(), ShippedCalendar.of2026(Clock.systemUTC()));

    static Part part(PartRole role, PartStatus status, ReportCycle cycle, LocalDate started, LocalDate lastProgress,
            int extensions, LocalDate deadline) {
        return new Part("DB-2026-0001", "kjj", "科技局", role, status, cycle, started, lastProgress, extensions, deadline);
    }

    static Context quiet(LocalDate today) {
        return new Context(today, Optional.empty(), OptionalDouble.empty(), List.of());
    }

    static final LocalDate FAR = LocalDate.of(2026, 12, 31);

    @Test
    void weeklyReportOverdueIsFlaggedWithTheDueDay() {
        Part p = part(PartRole.LEAD, PartStatus.HANDLING, ReportCycle.WEEKLY, MON, MON, 0, FAR);
        // Due five working days after Monday: the next Monday (9 Nov); flagged from Tuesday 10 Nov.
        assertThat(rules.evaluate(p, quiet(MON.plusDays(7)))).isEmpty();
        List<Risk> risks = rules.evaluate(p, quiet(MON.plusDays(8)));
        assertThat(risks).extracting(Risk::rule).containsExactly(Rule.NO_PROGRESS);
        assertThat(risks.get(0).reason()).contains("科技局", "上次反馈于2026-11-02", "每周", "2026-11-09", "逾期1个工作日");
    }

    @Test
    void noReportYetCountsFromSigningAndNoCycleNeverFlags() {
        Part never = part(PartRole.LEAD, PartStatus.HANDLING, ReportCycle.DAILY, MON, null, 0, FAR);
        assertThat(rules.evaluate(never, quiet(MON.plusDays(2)))).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("签收（2026-11-02）后尚未反馈"));
        Part none = part(PartRole.LEAD, PartStatus.HANDLING, ReportCycle.NONE, MON, null, 0, FAR);
        assertThat(rules.evaluate(none, quiet(MON.plusDays(20)))).isEmpty();
    }

    @Test
    void secondExtensionRequestIsFlaggedNotTheFirst() {
        Part first = part(PartRole.LEAD, PartStatus.EXTENSION_REQUESTED, ReportCycle.NONE, MON, null, 0, FAR);
        assertThat(rules.evaluate(first, quiet(MON))).isEmpty();
        Part second = part(PartRole.LEAD, PartStatus.EXTENSION_REQUESTED, ReportCycle.NONE, MON, null, 1, FAR);
        assertThat(rules.evaluate(second, quiet(MON))).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Rule.SECOND_EXTENSION);
            assertThat(r.reason()).contains("已延期1次", "第2次申请延期");
        });
    }

    @Test
    void coUnitUnsignedLongAfterTheLeadStartedIsFlagged() {
        Part co = part(PartRole.CO, PartStatus.TO_SIGN, ReportCycle.NONE, null, null, 0, FAR);
        Context twoDays = new Context(MON.plusDays(2), Optional.of(MON), OptionalDouble.empty(), List.of());
        assertThat(rules.evaluate(co, twoDays)).isEmpty();
        Context threeDays = new Context(MON.plusDays(3), Optional.of(MON), OptionalDouble.empty(), List.of());
        assertThat(rules.evaluate(co, threeDays)).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Rule.CO_NOT_SIGNED);
            assertThat(r.reason()).contains("协办单位科技局已3个工作日仍未签收", "上限2个工作日");
        });
        Context leadUnsigned = new Context(MON.plusDays(10), Optional.empty(), OptionalDouble.empty(), List.of());
        assertThat(rules.evaluate(co, leadUnsigned)).isEmpty();
    }

    @Test
    void unitWithLowOnTimeRateIsFlaggedOnlyNearItsDeadline() {
        Part p = part(PartRole.LEAD, PartStatus.HANDLING, ReportCycle.NONE, MON, null, 0, MON.plusDays(3));
        Context low = new Context(MON, Optional.empty(), OptionalDouble.of(0.5), List.of());
        assertThat(rules.evaluate(p, low)).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Rule.LOW_ON_TIME_UNIT);
            assertThat(r.reason()).contains("近90天按时办结率50%", "低于60%", "3个工作日内");
        });
        Part later = part(PartRole.LEAD, PartStatus.HANDLING, ReportCycle.NONE, MON, null, 0, MON.plusDays(4));
        assertThat(rules.evaluate(later, low)).isEmpty();
        Context good = new Context(MON, Optional.empty(), OptionalDouble.of(0.6), List.of());
        assertThat(rules.evaluate(p, good)).isEmpty();
        assertThat(rules.evaluate(p, quiet(MON))).as("no finished parts: no rate").isEmpty();
    }

    @Test
    void redSubUnitsAreNamed() {
        Part p = part(PartRole.LEAD, PartStatus.HANDLING, ReportCycle.NONE, MON, null, 0, FAR);
        Context red = new Context(MON, Optional.empty(), OptionalDouble.empty(), List.of("如意湖街道", "龙子湖街道"));
        assertThat(rules.evaluate(p, red)).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Rule.SUB_UNITS_RED);
            assertThat(r.reason()).isEqualTo("下级承办单位已亮红灯：如意湖街道、龙子湖街道。");
        });
    }

    @Test
    void disabledRulesAndFinishedPartsRaiseNothing() {
        Settings off = new Settings(false, false, false, 2, false, 0.6, 3, false);
        RiskRules silent = new RiskRules(off, ShippedCalendar.of2026(Clock.systemUTC()));
        Part p = part(PartRole.LEAD, PartStatus.EXTENSION_REQUESTED, ReportCycle.DAILY, MON, null, 3, MON.plusDays(1));
        Context all = new Context(MON.plusDays(20), Optional.of(MON), OptionalDouble.of(0.1), List.of("如意湖街道"));
        assertThat(silent.evaluate(p, all)).isEmpty();
        Part done = part(PartRole.LEAD, PartStatus.DONE, ReportCycle.DAILY, MON, null, 3, MON.plusDays(1));
        assertThat(rules.evaluate(done, all)).isEmpty();
    }

    @Test
    void badThresholdsAreRefused() {
        assertThatThrownBy(() -> new Settings(true, true, true, -1, true, 0.6, 3, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(true, true, true, 2, true, 1.5, 3, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ruleKeysRoundTrip() {
        for (Rule rule : Rule.values()) {
            assertThat(Rule.ofKey(rule.key())).contains(rule);
        }
        assertThat(Rule.ofKey("nope")).isEmpty();
    }
}
