package org.duban.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the directive list. */
public record DirectiveSummary(String number, String title, String priority, String category, DirectiveStatus status,
        Light light, LocalDate deadline, String leadDepartment, String issuedBy, OffsetDateTime issuedAt,
        BigDecimal score) {}
