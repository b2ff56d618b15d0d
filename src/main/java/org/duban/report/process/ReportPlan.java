package org.duban.report.process;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.report.ReportKind;
import org.duban.report.ReportPeriod;
import org.duban.report.internal.ReportPeriods;
import org.springframework.stereotype.Component;

/**
 * Which reports fall due on the report day, for the model's gateway and its one-report-each sub-process
 * ({@code ${reportPlan.dueKinds(execution)}}): the daily report on every working day, the weekly, monthly and
 * quarterly ones on the first working day after their week, month or quarter (holidays move them on).
 */
// public: the engine's expression language calls only public classes' methods
@Component("reportPlan")
public class ReportPlan {

    private final ReportPeriods periods;

    ReportPlan(ReportPeriods periods) {
        this.periods = periods;
    }

    public List<String> dueKinds(DelegateExecution execution) {
        LocalDate day = LocalDate.parse((String) execution.getVariable(ReportVariables.REPORT_DAY));
        return Arrays.stream(ReportKind.values()).filter(kind -> periods.dueOn(kind, day).isPresent())
                .map(ReportKind::key).toList();
    }

    public boolean anyDue(DelegateExecution execution) {
        return !dueKinds(execution).isEmpty();
    }

    /** The period one instance of the sub-process reports on: its kind's, due on the report day. */
    ReportPeriod period(DelegateExecution execution) {
        ReportKind kind = ReportKind.ofKey((String) execution.getVariable(ReportVariables.REPORT_KIND)).orElseThrow();
        LocalDate day = LocalDate.parse((String) execution.getVariable(ReportVariables.REPORT_DAY));
        return periods.dueOn(kind, day).orElseThrow(() -> new IllegalStateException(
                "No " + kind.key() + " report falls due on " + day));
    }
}
