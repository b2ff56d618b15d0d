package org.duban.directive.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.directive.PartRole;
import org.duban.directive.PartStatus;
import org.duban.directive.ReportCycle;
import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The early-warning pass: reads every open part of an issued directive, asks {@link RiskRules} and raises the
 * flags that are not open yet. Run by {@link LightClock} when the day changes (after the lights moved, which rule 5
 * reads); running it twice raises nothing new.
 */
@Component
public class EarlyWarning {

    private static final Logger log = LoggerFactory.getLogger(EarlyWarning.class);

    private final JdbcTemplate jdbc;
    private final RiskFlagStore flags;
    private final RiskRules rules;
    private final WorkCalendar calendar;
    private final Organisation organisation;
    private final Clock clock;
    private final DirectiveStore directives;
    private final PartStore parts;
    private final Timeline timeline;
    private final TransactionTemplate transaction;

    EarlyWarning(JdbcTemplate jdbc, RiskFlagStore flags, WorkCalendar calendar, Organisation organisation, Clock clock,
            DirectiveStore directives, PartStore parts, Timeline timeline, PlatformTransactionManager transactions,
            @Value("${duban.early-warning.no-progress.enabled:true}") boolean noProgress,
            @Value("${duban.early-warning.second-extension.enabled:true}") boolean secondExtension,
            @Value("${duban.early-warning.co-not-signed.enabled:true}") boolean coNotSigned,
            @Value("${duban.early-warning.co-not-signed.working-days:2}") int coNotSignedDays,
            @Value("${duban.early-warning.low-on-time-unit.enabled:true}") boolean lowOnTime,
            @Value("${duban.early-warning.low-on-time-unit.rate-below:0.6}") double rateBelow,
            @Value("${duban.early-warning.low-on-time-unit.due-within-working-days:3}") int dueWithin,
            @Value("${duban.early-warning.sub-units-red.enabled:true}") boolean subUnitsRed) {
        this.jdbc = jdbc;
        this.flags = flags;
        this.calendar = calendar;
        this.organisation = organisation;
        this.clock = clock;
        this.directives = directives;
        this.parts = parts;
        this.timeline = timeline;
        this.transaction = new TransactionTemplate(transactions);
        this.rules = new RiskRules(new RiskRules.Settings(noProgress, secondExtension, coNotSigned, coNotSignedDays,
                lowOnTime, rateBelow, dueWithin, subUnitsRed), calendar);
    }

    private record Open(String number, String unit, PartRole role, String parent, PartStatus status, ReportCycle cycle,
            LocalDate signedOn, LocalDate lastProgressOn, int extensions, LocalDate deadline, String light) {
    }

    /** Evaluates every open part; returns how many flags were raised. */
    public int scan() {
        LocalDate today = calendar.today();
        List<Open> open = jdbc.query("SELECT p.directive_number, p.department, p.role, p.parent_department, p.status, "
                + "COALESCE(p.report_cycle, d.report_cycle) AS cycle, p.signed_at, p.last_progress_on, "
                + "p.extension_count, p.deadline, p.light FROM directive_department p "
                + "JOIN directive d ON d.number = p.directive_number "
                + "WHERE d.status = 'IN_PROGRESS' "
                + "AND p.status NOT IN ('DONE', 'CANCELLED')",
                (rs, n) -> {
                    Timestamp signed = rs.getTimestamp("signed_at");
                    return new Open(rs.getString(1), rs.getString(2),
                            PartRole.ofKey(rs.getString("role")).orElse(PartRole.CO), rs.getString("parent_department"),
                            PartStatus.valueOf(rs.getString("status")),
                            ReportCycle.ofKey(rs.getString("cycle")).orElse(ReportCycle.NONE),
                            signed == null ? null : signed.toInstant().atZone(WorkCalendar.ZONE).toLocalDate(),
                            rs.getObject("last_progress_on", LocalDate.class), rs.getInt("extension_count"),
                            rs.getObject("deadline", LocalDate.class), rs.getString("light"));
                });
        Map<String, List<Open>> byDirective = new HashMap<>();
        for (Open part : open) {
            byDirective.computeIfAbsent(part.number(), k -> new ArrayList<>()).add(part);
        }
        Map<String, OptionalDouble> rates = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int raised = 0;
        for (Open part : open) {
            List<Open> siblings = byDirective.get(part.number());
            Optional<LocalDate> leadSigned = leadSignedOn(part.number());
            List<String> redSubs = siblings.stream()
                    .filter(s -> part.unit().equals(s.parent()) && "RED".equals(s.light()))
                    .map(s -> name(s.unit())).toList();
            OptionalDouble rate = rates.computeIfAbsent(part.unit(), unit -> onTimeRate(unit, today));
            RiskRules.Part facts = new RiskRules.Part(part.number(), part.unit(), name(part.unit()), part.role(),
                    part.status(), part.cycle(), part.signedOn(), part.lastProgressOn(), part.extensions(),
                    part.deadline());
            for (RiskRules.Risk risk : rules.evaluate(facts, new RiskRules.Context(today, leadSigned, rate, redSubs))) {
                if (Boolean.TRUE.equals(transaction.execute(status -> raise(part.number(), part.unit(), risk, now)))) {
                    raised++;
                }
            }
        }
        if (raised > 0) {
            log.info("Early warning on {}: {} new risk flags", today, raised);
        }
        return raised;
    }

    /** The flag and its timeline event (预警) in one transaction: the trail shows every flag raised. */
    private boolean raise(String number, String unit, RiskRules.Risk risk, OffsetDateTime now) {
        if (!flags.raise(number, unit, risk.rule().key(), risk.reason(), now)) {
            return false;
        }
        long id = flags.openOf(number, unit, risk.rule().key()).orElseThrow().id();
        DirectiveRow directive = directives.find(number).orElseThrow();
        PartRow part = parts.find(number, unit).orElseThrow();
        timeline.record(new PartContext(directive, part), EventType.RISK_FLAGGED, null,
                new EventDetails.RiskFlagged(id, risk.rule().key(), risk.rule().label(), risk.reason()));
        return true;
    }

    private Optional<LocalDate> leadSignedOn(String number) {
        return jdbc.query("SELECT signed_at FROM directive_department WHERE directive_number = ? AND role = 'lead' "
                + "AND signed_at IS NOT NULL", (rs, n) -> rs.getTimestamp(1), number).stream().findFirst()
                .map(t -> t.toInstant().atZone(WorkCalendar.ZONE).toLocalDate());
    }

    /** The share of the unit's parts finished in the last 90 days that finished on time. */
    private OptionalDouble onTimeRate(String unit, LocalDate today) {
        Map<String, Object> counts = jdbc.queryForMap("SELECT COUNT(*) AS finished, "
                + "SUM(CASE WHEN light = 'DONE' THEN 1 ELSE 0 END) AS on_time FROM directive_department "
                + "WHERE department = ? AND status = 'DONE' AND done_on >= ?", unit, today.minusDays(90));
        long finished = ((Number) counts.get("finished")).longValue();
        if (finished == 0) {
            return OptionalDouble.empty();
        }
        Number onTime = (Number) counts.get("on_time");
        return OptionalDouble.of((onTime == null ? 0 : onTime.longValue()) / (double) finished);
    }

    private String name(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }
}
