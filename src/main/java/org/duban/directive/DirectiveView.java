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
        List<TimelineEntry> timeline,
        @Schema(description = "办结期限所在年份尚无国务院节假日安排时的提示（工作日暂按周一至周五计算）；有安排时为空")
        String calendarWarning,
        @Schema(description = "本事项为该事项的后续事项（编号）") String followUpOf) {

    /**
     * One unit's part; {@code parentUnit} names the unit whose part it hangs under (that passed it down, or above
     * which it was reached), if any; {@code instruction} what that unit asked of it. {@code belowOpen},
     * {@code belowOverdue} and {@code belowLight} roll up the parts below it (下级逾期 3).
     */
    @Schema(description = "承办单位的办理情况")
    public record Department(String department, String departmentName, String role, String parentUnit,
            PartStatus status, LocalDate originalDeadline, LocalDate deadline, Light light, int urgeCount,
            int extensionCount, int reworkCount, int returnCount, boolean escalated, OffsetDateTime deliveredAt,
            OffsetDateTime signedAt, OffsetDateTime submittedAt, OffsetDateTime doneAt, Integer lateDays,
            Integer signLateDays, Integer qualityRating, BigDecimal score, BigDecimal weight,
            Map<String, Integer> scoreComponents,
            @Schema(description = "层级代码") String level, @Schema(description = "层级名称") String levelName,
            @Schema(description = "上级单位对本单位的工作要求（下派时）") String instruction,
            @Schema(description = "下级单位中未办结的数量") int belowOpen,
            @Schema(description = "下级单位中已逾期（红灯）的数量") int belowOverdue,
            @Schema(description = "下级单位中最差的灯") Light belowLight,
            @Schema(description = "本单位已报送的佐证材料份数") int evidenceCount,
            @Schema(description = "审核时是否已核实佐证材料") boolean evidenceVerified) {}

    /** One event, with the codes it keeps and the sentence people read. */
    @Schema(description = "时间线中的一条记录")
    public record TimelineEntry(OffsetDateTime at, String type, String label, String department, String departmentName,
            String actor, String actorName, String text, EventDetails details) {}
}
