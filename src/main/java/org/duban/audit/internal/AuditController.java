package org.duban.audit.internal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.directive.AuditRecord;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "审计", description = "督办事项的完整轨迹、评分依据、个人操作记录与防篡改校验（只读）")
@RestController
@RequestMapping("/api/audit")
class AuditController {

    record TrailPage(String directiveNumber, List<TrailEntry> items, int page, int size, long total) {}

    private final AuditAccess access;
    private final AuditTrail trail;
    private final ScoreExplanations scores;
    private final AuditRecord record;
    private final TrailExport export;

    AuditController(AuditAccess access, AuditTrail trail, ScoreExplanations scores, AuditRecord record,
            TrailExport export) {
        this.access = access;
        this.trail = trail;
        this.scores = scores;
        this.record = record;
        this.export = export;
    }

    @Operation(summary = "督办事项的审计轨迹", description = "督办事件与流程引擎历史、操作日志、邮件通知合并，按时间排序；"
            + "可按来源（DUBAN、ENGINE、MAIL）、单位、人员、事件代码、时间段筛选。")
    @GetMapping("/directives/{number}/trail")
    TrailPage trail(@PathVariable String number, @ParameterObject TrailFilter filter,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            Authentication authentication) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new InvalidRequestException("size", "页码不能为负数，每页条数应在 1–1000 之间");
        }
        List<TrailEntry> entries = filtered(number, filter, authentication);
        int start = (int) Math.min(entries.size(), (long) page * size);
        return new TrailPage(number, entries.subList(start, Math.min(entries.size(), start + size)), page, size,
                entries.size());
    }

    @Operation(summary = "导出审计轨迹（.csv）")
    @GetMapping("/directives/{number}/trail.csv")
    ResponseEntity<byte[]> trailCsv(@PathVariable String number, @ParameterObject TrailFilter filter,
            Authentication authentication) {
        return export.of(filtered(number, filter, authentication)).download("审计轨迹-" + number + ".csv");
    }

    @Operation(summary = "导出审计轨迹（.xlsx）")
    @GetMapping("/directives/{number}/trail.xlsx")
    ResponseEntity<byte[]> trailXlsx(@PathVariable String number, @ParameterObject TrailFilter filter,
            Authentication authentication) {
        return export.of(filtered(number, filter, authentication)).download("审计轨迹-" + number + ".xlsx");
    }

    @Operation(summary = "评分依据", description = "每个承办单位评分时 department-score.dmn 的输入事实与各项得分（决策表的中文名称）。")
    @GetMapping("/directives/{number}/scores")
    List<ScoreExplanations.Explanation> scores(@PathVariable String number, Authentication authentication) {
        requireDirective(number, authentication);
        return scores.of(number);
    }

    @Operation(summary = "个人操作记录", description = "某人在一段时间内的全部操作（流程引擎操作日志与督办事件）。")
    @GetMapping("/users/{userId}/activity")
    List<TrailEntry> activity(@PathVariable String userId, @RequestParam LocalDate from, @RequestParam LocalDate to,
            Authentication authentication) {
        access.requireAuditor(CurrentUser.of(authentication));
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "结束日期不能早于开始日期");
        }
        return trail.ofPerson(userId, TrailFilter.startOf(from), TrailFilter.startOf(to.plusDays(1)));
    }

    @Operation(summary = "防篡改校验", description = "按写入顺序校验督办事件的哈希链，指出第一条被改动的记录。"
            + "默认只校验上次校验完好之后写入的记录；full=true 从头完整校验。")
    @GetMapping("/verification")
    AuditRecord.Verification verification(
            @Parameter(description = "从第一条记录开始完整校验") @RequestParam(defaultValue = "false") boolean full,
            Authentication authentication) {
        access.requireAuditor(CurrentUser.of(authentication));
        return full ? record.verifyAll() : record.verifySinceCheckpoint();
    }

    private List<TrailEntry> filtered(String number, TrailFilter filter, Authentication authentication) {
        requireDirective(number, authentication);
        return filter.apply(trail.ofDirective(number));
    }

    private void requireDirective(String number, Authentication authentication) {
        access.requireAuditor(CurrentUser.of(authentication));
        if (!trail.exists(number)) {
            throw ApiException.notFound("督办事项 " + number + " 不存在。");
        }
    }
}
