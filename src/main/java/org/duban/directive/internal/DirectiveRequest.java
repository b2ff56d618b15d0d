package org.duban.directive.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The one-click issue request; fields are strings so that a wrong value is reported by field. */
@Schema(description = "一键交办请求")
public record DirectiveRequest(
        @Schema(description = "标题，不超过 100 字", example = "推进智慧督查平台建设") String title,
        @Schema(description = "批示内容，不超过 5000 字") String instruction,
        @Schema(description = "事项类别（模板代码），缺省为一般督办事项", example = "general") String category,
        @Schema(description = "优先级", allowableValues = {"normal", "urgent", "critical"}) String priority,
        @Schema(description = "主办单位代码", example = "dsjj") String leadDepartment,
        @Schema(description = "协办单位代码") List<String> coDepartments,
        @Schema(description = "办结期限（ISO 日期），至少晚于今天一个工作日", example = "2026-12-31") String deadline,
        @Schema(description = "进度反馈周期", allowableValues = {"none", "daily", "weekly", "monthly"}) String reportCycle,
        @Schema(description = "按组织层级选定承办单位（一键直达基层），如郑东新区的全部街道：[{\"under\":\"zdxq\",\"level\":\"street\"}]；"
                + "选中的单位挂在其上级单位的任务之下，上级单位一并承办") List<Target> targets,
        @Schema(description = "本事项为某一已有事项的后续事项时，填该事项编号（查重时发现相似事项）", example = "DB-2026-0012")
        String followUpOf) {

    /** Every unit of {@code level} below {@code under} (or in the whole city when {@code under} is empty). */
    @Schema(description = "按层级选定的单位范围")
    public record Target(
            @Schema(description = "上级单位代码；不填则为全市", example = "zdxq") String under,
            @Schema(description = "层级", allowableValues = {"city", "district", "office", "street", "community", "grid"},
                    example = "street") String level) {}

    public DirectiveRequest(String title, String instruction, String category, String priority, String leadDepartment,
            List<String> coDepartments, String deadline, String reportCycle) {
        this(title, instruction, category, priority, leadDepartment, coDepartments, deadline, reportCycle, null);
    }

    public DirectiveRequest(String title, String instruction, String category, String priority, String leadDepartment,
            List<String> coDepartments, String deadline, String reportCycle, List<Target> targets) {
        this(title, instruction, category, priority, leadDepartment, coDepartments, deadline, reportCycle, targets, null);
    }
}
