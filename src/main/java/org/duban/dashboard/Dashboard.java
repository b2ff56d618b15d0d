package org.duban.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The overview numbers as {@code GET /api/dashboard} returns them and the overview page shows them.
 * Leaders, the office and auditors see directives; a department sees its own parts of them, with
 * its own deadline and light.
 *
 * @param scope          {@code ALL} (counts of directives) or {@code DEPARTMENT} (counts of the department's parts)
 * @param byLight        per light (GREEN, YELLOW, RED, DONE, DONE_LATE)
 * @param byStatus       per status: directive statuses for {@code ALL}, part statuses for {@code DEPARTMENT}
 * @param overdue        the most overdue open items, longest overdue first
 * @param dueSoon        open items in their yellow period, nearest deadline first
 * @param departments    per department: its parts per light and its on-time rate this year
 * @param weeks          directives issued and closed in each of the last twelve weeks
 */
@Schema(description = "督办总览")
public record Dashboard(String scope, LocalDate today, LocalDate lightsAsOf, Map<String, Long> byLight,
        Map<String, Long> byStatus, long overdueTotal, List<Item> overdue, long dueSoonTotal, List<Item> dueSoon,
        List<DepartmentRow> departments, List<Week> weeks,
        @Schema(description = "下钻所在的单位（其本级及全部下级单位的承办部分）；全市总览时为空") String under,
        @Schema(description = "下钻路径：全市之下的各级单位，从上到下") List<Area> path) {

    /** One step of the drill-down path. */
    public record Area(String code, String name) {}

    public Dashboard(String scope, LocalDate today, LocalDate lightsAsOf, Map<String, Long> byLight,
            Map<String, Long> byStatus, long overdueTotal, List<Item> overdue, long dueSoonTotal, List<Item> dueSoon,
            List<DepartmentRow> departments, List<Week> weeks) {
        this(scope, today, lightsAsOf, byLight, byStatus, overdueTotal, overdue, dueSoonTotal, dueSoon, departments, weeks,
                null, List.of());
    }

    public static final String ALL = "ALL";
    public static final String DEPARTMENT = "DEPARTMENT";

    /** One directive in the overdue or due-soon list. */
    public record Item(String number, String title, String leadDepartment, String leadDepartmentName,
            LocalDate deadline, String light, int workingDaysOverdue, int workingDaysLeft) {}

    /**
     * @param lights       open and finished parts of the department per light
     * @param finished     parts finished this year
     * @param onTime       of those, finished by their deadline
     * @param onTimeRate   onTime / finished, in percent, null when nothing was finished
     */
    public record DepartmentRow(String department, String name, Map<String, Long> lights, long finished, long onTime,
            Double onTimeRate,
            @Schema(description = "层级名称") String levelName,
            @Schema(description = "计数是否含其全部下级单位") boolean withBelow,
            @Schema(description = "是否有下级单位（可下钻）") boolean hasBelow) {}

    /** A week from Monday {@code start}. */
    public record Week(LocalDate start, long issued, long closed) {}
}
