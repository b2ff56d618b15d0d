package org.duban.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the directive list and the ledger (台账), with the names people read next to the codes. */
public record DirectiveSummary(String number, String title, String priority, String category, String categoryName,
        DirectiveStatus status, Light light, LocalDate deadline, String leadDepartment, String leadDepartmentName,
        String issuedBy, String issuedByName, OffsetDateTime issuedAt, OffsetDateTime closedAt, BigDecimal score,
        @io.swagger.v3.oas.annotations.media.Schema(description = "已报送佐证材料的单位数") int unitsWithEvidence,
        @io.swagger.v3.oas.annotations.media.Schema(description = "佐证材料经审核核实的单位数") int unitsVerified) {}
