package org.duban.directive.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.duban.directive.DirectiveStatus;
import org.duban.directive.Light;
import org.duban.directive.Priority;
import org.duban.directive.ReportCycle;

/** A directive as its row in {@code directive} keeps it. */
public record DirectiveRow(String number, String title, String instruction, String category, Priority priority,
        String leadUnit, LocalDate deadline, LocalDate yellowFrom, ReportCycle reportCycle, DirectiveStatus status,
        String issuedBy, OffsetDateTime issuedAt, String processInstanceId, String responsibleLeader,
        LocalDate dispatchedOn, Integer openParts, String withdrawnBy, String withdrawalReason, Light light,
        BigDecimal score, OffsetDateTime closedAt, String followUpOf) {

    public boolean isDraft() {
        return status == DirectiveStatus.DRAFT;
    }
}
