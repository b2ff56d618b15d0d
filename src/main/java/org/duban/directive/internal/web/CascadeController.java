package org.duban.directive.internal.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.directive.internal.Cascade;
import org.duban.directive.internal.DirectiveAccess;
import org.duban.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 分级下派 and taking a sub-part back, for the unit that holds the part. */
@Tag(name = "督办事项")
@RestController
class CascadeController {

    @Schema(description = "下派请求")
    record PassDownRequest(@Schema(description = "下派的下级单位及各自的工作要求、办结期限、反馈周期") List<Cascade.SubPartRequest> subParts) {}

    record PassedDown(String number, String unit, List<String> subUnits) {}

    @Schema(description = "撤回下派的理由")
    record WithdrawalRequest(@Schema(description = "撤回理由，不超过 2000 字") String reason) {}

    record Withdrawn(String number, String unit, List<String> cancelled) {}

    private final DirectiveAccess access;
    private final Cascade cascade;

    CascadeController(DirectiveAccess access, Cascade cascade) {
        this.access = access;
        this.cascade = cascade;
    }

    @Operation(summary = "下派给下级单位", description = "承办单位在办理期间将本单位的任务整体或分解下派给其下级单位（如区县下派街道、街道下派社区）；"
            + "每个下级单位有各自的工作要求、不晚于本单位期限且至少一个工作日之后的办结期限和可选的反馈周期。下级单位的延期申请和办结审核由本单位决定；"
            + "下级单位未办结（或未撤回）前，本单位不能提交办结申请。")
    @PostMapping(path = "/api/directives/{number}/parts/{unit}/sub-parts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PassedDown passDown(@PathVariable String number, @PathVariable String unit, @RequestBody PassDownRequest request,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        return new PassedDown(number, unit, cascade.passDown(number, unit, request == null ? null : request.subParts(), user));
    }

    @Operation(summary = "撤回下派", description = "上级单位撤回对某个下级单位的下派（连同其再下派的单位），须填写理由；撤回后上级单位可以提交办结申请。"
            + "路径中的单位为被撤回的下级单位。")
    @PostMapping(path = "/api/directives/{number}/parts/{unit}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    Withdrawn withdraw(@PathVariable String number, @PathVariable String unit, @RequestBody WithdrawalRequest request,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        return new Withdrawn(number, unit, cascade.withdraw(number, unit, request == null ? null : request.reason(), user));
    }
}
