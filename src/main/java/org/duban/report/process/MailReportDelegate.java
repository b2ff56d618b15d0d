package org.duban.report.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.report.ReportPeriod;
import org.duban.report.internal.ReportMailer;
import org.springframework.stereotype.Component;

/** 发送报告: queues the report to the leaders and the supervision office, in the step's transaction. */
@Component
public class MailReportDelegate implements JavaDelegate {

    private final ReportMailer mailer;
    private final ReportPlan plan;

    MailReportDelegate(ReportMailer mailer, ReportPlan plan) {
        this.mailer = mailer;
        this.plan = plan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportPeriod period = plan.period(execution);
        execution.setVariableLocal(ReportVariables.RECIPIENTS, mailer.mail(period));
    }
}
