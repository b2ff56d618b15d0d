package org.duban.directive.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.PartRole;
import org.duban.directive.PartStatus;
import org.duban.directive.ReportCycle;

/**
 * Early warning (问题自动发现, issue #17): the rules that flag a part at risk before its light turns red, each with
 * a reason a person can read. Pure: the caller gathers the facts of one part ({@link Part}, {@link Context}) and
 * stores what comes back; so every rule can be tested with constructed cases and no database.
 */
public final class RiskRules {

    /** The rules, in the order they are checked; the key is what {@code risk_flag.rule} stores. */
    public enum Rule {
        NO_PROGRESS("no-progress", "超期未报进度"),
        SECOND_EXTENSION("second-extension", "再次申请延期"),
        CO_NOT_SIGNED("co-not-signed", "协办单位未签收"),
        LOW_ON_TIME_UNIT("low-on-time-unit", "按时率偏低单位临近期限"),
        SUB_UNITS_RED("sub-units-red", "下级承办亮红灯");

        private final String key;
        private final String label;

        Rule(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public static Optional<Rule> ofKey(String key) {
            for (Rule rule : values()) {
                if (rule.key.equals(key)) {
                    return Optional.of(rule);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * What {@code duban.early-warning.*} configures: each rule on or off and its thresholds.
     *
     * @param coNotSignedWorkingDays working days after the lead signed that a co-unit may still be unsigned
     * @param onTimeRateBelow a unit whose recent on-time rate (0..1) is below this is watched
     * @param dueWithinWorkingDays how close the deadline must be for a watched unit's part to be flagged
     */
    public record Settings(boolean noProgress, boolean secondExtension, boolean coNotSigned, int coNotSignedWorkingDays,
            boolean lowOnTimeUnit, double onTimeRateBelow, int dueWithinWorkingDays, boolean subUnitsRed) {

        public Settings {
            if (coNotSignedWorkingDays < 0 || dueWithinWorkingDays < 0) {
                throw new IllegalArgumentException("working-day thresholds must not be negative");
            }
            if (onTimeRateBelow < 0 || onTimeRateBelow > 1) {
                throw new IllegalArgumentException("on-time-rate-below must lie between 0 and 1");
            }
        }

        /** The shipped defaults (application.yaml repeats them). */
        public static Settings defaults() {
            return new Settings(true, true, true, 2, true, 0.6, 3, true);
        }
    }

    /**
     * One unit's part as the rules read it.
     *
     * @param startedOn the day the unit signed (null while unsigned)
     * @param lastProgressOn the last progress report (null when none yet)
     * @param approvedExtensions extensions already granted ({@code extension_count}); one more pending while
     *        the status is EXTENSION_REQUESTED
     */
    public record Part(String directiveNumber, String department, String departmentName, PartRole role,
            PartStatus status, ReportCycle cycle, LocalDate startedOn, LocalDate lastProgressOn,
            int approvedExtensions, LocalDate deadline) {
    }

    /**
     * What the rules need beyond the part itself.
     *
     * @param leadSignedOn when the directive's lead unit signed, if it has
     * @param unitOnTimeRate the unit's on-time rate over its parts finished in the last 90 days, empty when none
     * @param redSubUnits names of the part's sub-units (parent_department = it) whose light is red
     */
    public record Context(LocalDate today, Optional<LocalDate> leadSignedOn, OptionalDouble unitOnTimeRate,
            List<String> redSubUnits) {
    }

    /** A rule that fired, with its Chinese reason. */
    public record Risk(Rule rule, String reason) {
    }

    private final Settings settings;
    private final WorkCalendar calendar;

    public RiskRules(Settings settings, WorkCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /** The risks of one open part; nothing for a finished or cancelled one (its light says the rest). */
    public List<Risk> evaluate(Part part, Context context) {
        List<Risk> risks = new ArrayList<>();
        if (!part.status().isOpen()) {
            return risks;
        }
        LocalDate today = context.today();
        if (settings.noProgress()) {
            noProgress(part, today).ifPresent(risks::add);
        }
        if (settings.secondExtension() && part.status() == PartStatus.EXTENSION_REQUESTED
                && part.approvedExtensions() >= 1) {
            risks.add(new Risk(Rule.SECOND_EXTENSION, "%s已延期%d次，又第%d次申请延期（当前期限%s），请关注办理是否受阻。"
                    .formatted(part.departmentName(), part.approvedExtensions(), part.approvedExtensions() + 1,
                            part.deadline())));
        }
        if (settings.coNotSigned() && part.role() == PartRole.CO && part.status() == PartStatus.TO_SIGN
                && context.leadSignedOn().isPresent()) {
            LocalDate leadSigned = context.leadSignedOn().get();
            int waited = calendar.workingDaysBetween(leadSigned, today);
            if (waited > settings.coNotSignedWorkingDays()) {
                risks.add(new Risk(Rule.CO_NOT_SIGNED, "主办单位已于%s签收开始办理，协办单位%s已%d个工作日仍未签收（上限%d个工作日）。"
                        .formatted(leadSigned, part.departmentName(), waited, settings.coNotSignedWorkingDays())));
            }
        }
        if (settings.lowOnTimeUnit() && context.unitOnTimeRate().isPresent() && part.deadline() != null) {
            double rate = context.unitOnTimeRate().getAsDouble();
            int left = calendar.workingDaysBetween(today, part.deadline());
            if (rate < settings.onTimeRateBelow() && left >= 0 && left <= settings.dueWithinWorkingDays()) {
                risks.add(new Risk(Rule.LOW_ON_TIME_UNIT, "%s近90天按时办结率%d%%，低于%d%%，本事项%d个工作日内（%s）到期。"
                        .formatted(part.departmentName(), Math.round(rate * 100),
                                Math.round(settings.onTimeRateBelow() * 100), left, part.deadline())));
            }
        }
        if (settings.subUnitsRed() && !context.redSubUnits().isEmpty()) {
            risks.add(new Risk(Rule.SUB_UNITS_RED, "下级承办单位已亮红灯：%s。"
                    .formatted(String.join("、", context.redSubUnits()))));
        }
        return risks;
    }

    /** Past the next report's due day counted from the last report (or from signing when none came yet). */
    private Optional<Risk> noProgress(Part part, LocalDate today) {
        if (part.cycle() == null || part.cycle() == ReportCycle.NONE || part.status() != PartStatus.HANDLING) {
            return Optional.empty();
        }
        LocalDate since = part.lastProgressOn() != null ? part.lastProgressOn() : part.startedOn();
        if (since == null) {
            return Optional.empty();
        }
        LocalDate due = part.cycle().nextDue(since, calendar);
        if (!today.isAfter(due)) {
            return Optional.empty();
        }
        String last = part.lastProgressOn() != null ? "上次反馈于" + part.lastProgressOn() : "签收（" + since + "）后尚未反馈";
        return Optional.of(new Risk(Rule.NO_PROGRESS, "%s%s，按%s反馈应于%s前报送进度，已逾期%d个工作日。"
                .formatted(part.departmentName(), last, cycleLabel(part.cycle()), due,
                        calendar.workingDaysBetween(due, today))));
    }

    private static String cycleLabel(ReportCycle cycle) {
        return switch (cycle) {
            case DAILY -> "每日";
            case WEEKLY -> "每周";
            case MONTHLY -> "每月";
            case NONE -> "不定期";
        };
    }
}
