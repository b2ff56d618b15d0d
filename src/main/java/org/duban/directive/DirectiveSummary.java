package org.duban.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the directive list and the ledger (台账), with the names people read next to the codes. */
public record DirectiveSummary(String number, String title, String priority, String category, String categoryName,
        DirectiveStatus status, Light light, LocalDate deadline, String leadDepartment, String leadDepartmentName,
        String issuedBy, String issuedByName, OffsetDateTime issuedAt, OffsetDateTime closedAt, BigDecimal score) {}
