package org.duban.directive;

import io.swagger.v3.oas.annotations.media.Schema;

/** An open or recent directive that says what a new text says (自动查重), as the issuer sees it. */
@Schema(description = "相似督办事项")
public record SimilarDirective(
        @Schema(description = "事项编号", example = "DB-2026-0012") String number,
        @Schema(description = "标题") String title,
        @Schema(description = "状态") DirectiveStatus status,
        @Schema(description = "状态（中文）", example = "办理中") String statusName,
        @Schema(description = "相似度，0–1") double score,
        @Schema(description = "事项页面链接", example = "/directives/DB-2026-0012") String link) {}
