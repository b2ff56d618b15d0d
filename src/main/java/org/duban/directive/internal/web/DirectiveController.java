package org.duban.directive.internal.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.directive.internal.DirectiveAccess;
import org.duban.directive.internal.DirectiveQueries;
import org.duban.directive.internal.DirectiveRequest;
import org.duban.directive.internal.IssueDirective;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

import org.duban.directive.DirectiveView;
import org.duban.directive.SimilarDirective;
import org.duban.directive.NewDirective;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "督办事项", description = "一键交办、查询、撤回")
@RestController
@RequestMapping("/api/directives")
class DirectiveController {

    private final IssueDirective issue;
    private final WithdrawDirective withdraw;
    private final DirectiveQueries queries;
    private final DirectiveAccess access;
    private final org.duban.organisation.Organisation organisation;
    private final SimilarWhileIssuing similar;

    DirectiveController(IssueDirective issue, WithdrawDirective withdraw, DirectiveQueries queries,
            DirectiveAccess access, org.duban.organisation.Organisation organisation, SimilarWhileIssuing similar) {
        this.organisation = organisation;
        this.similar = similar;
        this.issue = issue;
        this.withdraw = withdraw;
        this.queries = queries;
        this.access = access;
    }

    /** The directive as created, and the open or recent directives it may repeat (自动查重). */
    record Issued(@JsonUnwrapped DirectiveView directive,
            @Schema(description = "相似事项（未办结或一年内交办），最多 5 项") List<SimilarDirective> similar) {}

    @Operation(summary = "一键交办", description = "领导交办即直达各承办单位；督查室拟稿须经领导批示。"
            + "同一 Idempotency-Key 的重复请求返回第一次创建的事项。应答中的 similar 列出可能重复的已有事项；"
            + "交办人可用 followUpOf 将新事项标为某一事项的后续事项。")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Issued> issue(@RequestBody DirectiveRequest request,
            @Parameter(description = "幂等键：重复提交（双击、刷新、重试）不会产生第二个事项")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidRequestException("Idempotency-Key", "幂等键须为 1–200 个字符");
        }
        var search = similar.start(request.title(), request.instruction(), user);
        IssueDirective.Issued issued;
        try {
            issued = issue.issue(request, user, idempotencyKey);
        } catch (DataIntegrityViolationException concurrentRepeat) {
            // the same key was being used by a request that has committed meanwhile
            issued = issue.replay(user.id(), idempotencyKey, issue.hash(request))
                    .orElseThrow(() -> concurrentRepeat);
        } catch (RuntimeException refused) {
            search.cancel(false);
            throw refused;
        }
        DirectiveView view = queries.find(issued.number()).orElseThrow();
        List<SimilarDirective> matches = similar.found(search, view.number(), view.followUpOf());
        return ResponseEntity.created(URI.create("/api/directives/" + issued.number()))
                .header("Idempotent-Replayed", String.valueOf(issued.replayed()))
                .body(new Issued(view, matches));
    }

    /** One unit the request reaches, in the order of dispatch; {@code parent} for a unit reached below another. */
    record PreviewUnit(String code, String name, String level, String levelName, String role, String parent) {}

    record Preview(int total, List<PreviewUnit> units) {}

    @Operation(summary = "预览承办单位", description = "按与一键交办相同的规则校验请求，返回将送达的全部单位（含按层级选定的下级单位及其上级），"
            + "不创建任何事项。交办前在页面上展示。")
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    Preview preview(@RequestBody DirectiveRequest request, Authentication authentication) {
        NewDirective resolved = issue.preview(request, CurrentUser.of(authentication));
        List<PreviewUnit> units = new java.util.ArrayList<>();
        for (String code : resolved.departments()) {
            units.add(unit(code, code.equals(resolved.leadDepartment()) ? "lead" : "co", null));
        }
        for (NewDirective.SubPart sub : resolved.subParts()) {
            units.add(unit(sub.unit(), "sub", sub.parentUnit()));
        }
        return new Preview(units.size(), units);
    }

    private PreviewUnit unit(String code, String role, String parent) {
        var department = organisation.department(code).orElseThrow();
        return new PreviewUnit(code, department.name(), department.level().key(), department.level().label(), role, parent);
    }

    @Operation(summary = "查看督办事项", description = "含各承办单位的办理情况（含下级单位的汇总）、评分及其构成、时间线。"
            + "承办单位只能看到本单位的任务及其下派的下级单位，主办单位另可看到各协办单位。")
    @GetMapping("/{number}")
    DirectiveView find(@PathVariable String number, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        return queries.find(number, user).orElseThrow(() -> ApiException.notFound("督办事项 " + number + " 不存在。"));
    }

    @Operation(summary = "督办事项列表（台账）", description = "按状态、灯色、单位、类别、交办人、交办日期筛选，"
            + "可排序、分页。承办单位只能看到本单位参与的事项。")
    @GetMapping
    DirectiveQueries.Page list(@org.springdoc.core.annotations.ParameterObject LedgerParameters parameters,
            Authentication authentication) {
        return queries.list(parameters.toFilter(CurrentUser.of(authentication), organisation), parameters.pageOrFirst(),
                parameters.sizeOr(20));
    }

    @Operation(summary = "撤回督办事项", description = "领导或督查室在办结前撤回；各单位未完成的任务随之结束。")
    @PostMapping(path = "/{number}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    DirectiveView withdraw(@PathVariable String number, @RequestBody WithdrawalRequest request,
            Authentication authentication) {
        withdraw.withdraw(number, request, CurrentUser.of(authentication));
        return queries.find(number).orElseThrow();
    }
}
