package org.duban.reorganisation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.organisation.Groups;
import org.duban.organisation.Organisation;
import org.duban.organisation.OrganisationReload;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 组织名单: reload {@code organisation.yaml} without a restart, for administrators. */
@Tag(name = "组织名单")
@RestController
class OrganisationController {

    record OrganisationText(String content, String previewed) {}

    record Current(long version, int units, int people, List<OrganisationReload.Version> history) {}

    private final OrganisationReload loading;
    private final Organisation organisation;

    OrganisationController(OrganisationReload loading, Organisation organisation) {
        this.loading = loading;
        this.organisation = organisation;
    }

    @Operation(summary = "正在使用的组织名单", description = "版本号、单位数、人员数与载入历史（最新在前，最多 100 条）。")
    @GetMapping("/api/organisation")
    Current current(Authentication authentication) {
        requireAdmin(authentication);
        return new Current(loading.version(), organisation.departments().size(), organisation.members().size(),
                loading.history(100));
    }

    @Operation(summary = "预览载入", description = "按 organisation.yaml 的规则校验内容，列出新增、撤销、调整隶属、更名的单位，"
            + "新增、移除、变动的人员，以及将被撤销单位的在办事项；不做任何修改。返回的 sha256 在确认载入时原样提交。")
    @PostMapping("/api/organisation/preview")
    OrganisationReload.Preview preview(@RequestBody OrganisationText text, Authentication authentication) {
        requireAdmin(authentication);
        try {
            return loading.preview(text == null ? null : text.content());
        } catch (OrganisationReload.Refused e) {
            throw refused(e);
        }
    }

    @Operation(summary = "载入组织名单", description = "只载入预览过的内容（previewed 为预览返回的 sha256，不符时 409）；"
            + "保存并立即生效（其他节点在 10 秒内），账号、权限、任务过滤器和表单随之更新，保留历史。内容未变时不保存。")
    @PutMapping("/api/organisation")
    OrganisationReload.Preview apply(@RequestBody OrganisationText text, Authentication authentication) {
        requireAdmin(authentication);
        try {
            return loading.apply(text == null ? null : text.content(), text == null ? null : text.previewed(),
                    authentication.getName());
        } catch (OrganisationReload.Refused e) {
            throw refused(e);
        } catch (OrganisationReload.NotPreviewed e) {
            throw notPreviewed(e);
        }
    }

    /** 400, each problem on the field {@code content}. */
    static InvalidRequestException refused(OrganisationReload.Refused e) {
        return new InvalidRequestException(e.problems().stream().map(p -> new FieldProblem("content", p)).toList());
    }

    /** 409: only what was previewed is applied. */
    static ApiException notPreviewed(OrganisationReload.NotPreviewed e) {
        return new ApiException(HttpStatus.CONFLICT, "organisation-not-previewed", "内容与预览时不同", e.getMessage());
    }

    static void requireAdmin(Authentication authentication) {
        if (!CurrentUser.of(authentication).groups().contains(Groups.ADMINS)) {
            throw ApiException.forbidden("组织名单的载入仅对管理员开放。");
        }
    }
}
