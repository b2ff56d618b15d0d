package org.duban.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A directive as the API and its page show it: its state, each unit's part, and the timeline in words.
 *
 * @param deadline         the directive's deadline as issued
 * @param currentDeadline  the lead unit's deadline now (after any extension)
 * @param delivered        how many of its units have received their part (已送达), of {@code parts}
 */
@Schema(description = "督办事项")
public record DirectiveView(String number, String title, String instruction, String category, String priority,
        DirectiveStatus status, Light light, LocalDate deadline, LocalDate currentDeadline, String reportCycle,
        String leadDepartment, String issuedBy, String responsibleLeader, OffsetDateTime issuedAt,
        OffsetDateTime closedAt, BigDecimal score, int delivered, int parts, List<Department> departments,
        List<TimelineEntry> timeline) {

    /** One unit's part; {@code parentUnit} names the unit that passed it down, if any. */
    @Schema(description = "承办单位的办理情况")
    public record Department(String department, String departmentName, String role, String parentUnit,
            PartStatus status, LocalDate originalDeadline, LocalDate deadline, Light light, int urgeCount,
            int extensionCount, int reworkCount, int returnCount, boolean escalated, OffsetDateTime deliveredAt,
            OffsetDateTime signedAt, OffsetDateTime submittedAt, OffsetDateTime doneAt, Integer lateDays,
            Integer signLateDays, Integer qualityRating, BigDecimal score, BigDecimal weight,
            Map<String, Integer> scoreComponents) {}

    /** One event, with the codes it keeps and the sentence people read. */
    @Schema(description = "时间线中的一条记录")
    public record TimelineEntry(OffsetDateTime at, String type, String label, String department, String departmentName,
            String actor, String actorName, String text, EventDetails details) {}
}
