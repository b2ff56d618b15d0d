package org.duban.report.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.duban.report.ReportKind;

/** A report as kept in the {@code report} table; {@code content} is the JSON of {@link ReportContent}. */
public record StoredReport(long id, String kind, String period, String title, LocalDate from, LocalDate to,
        LocalDate asOf, String content, OffsetDateTime generatedAt, String generatedBy, OffsetDateTime regeneratedAt,
        String regeneratedBy, Integer mailedTo) {

    /** 日报告, 周分析, 月小结 or 季讲评. */
    public String kindTitle() {
        return ReportKind.ofKey(kind).map(ReportKind::title).orElse(kind);
    }
}
