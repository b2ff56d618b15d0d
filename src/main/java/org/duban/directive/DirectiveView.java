package org.duban.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** A directive as the API shows it: its state, each department's part, and the timeline. */
@Schema(description = "督办事项")
public record DirectiveView(String number, String title, String instruction, String category, String priority,
        DirectiveStatus status, Light light, LocalDate deadline, String reportCycle, String leadDepartment,
        String issuedBy, OffsetDateTime issuedAt, OffsetDateTime closedAt, BigDecimal score,
        List<Department> departments, List<TimelineEntry> timeline) {

    @Schema(description = "承办单位的办理情况")
    public record Department(String department, String departmentName, String role, DepartmentStatus status,
            LocalDate originalDeadline, LocalDate deadline, Light light, int urgeCount, int extensionCount,
            int reworkCount, boolean escalated, OffsetDateTime signedAt, OffsetDateTime submittedAt,
            OffsetDateTime doneAt, Integer lateDays, Integer signLateDays, Integer qualityRating, BigDecimal score,
            BigDecimal weight, Map<String, Integer> scoreComponents) {}

    @Schema(description = "时间线中的一条记录")
    public record TimelineEntry(OffsetDateTime at, String type, String label, String department, String actor,
            Map<String, Object> details) {}
}
