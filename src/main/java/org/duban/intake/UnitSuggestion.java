package org.duban.intake;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One unit suggested to lead or help with a directive, and why: the words of the text its duties speak of, its
 * name in the text, and the similar past directives it led.
 */
@Schema(description = "建议的承办单位及理由")
public record UnitSuggestion(
        @Schema(description = "单位代码", example = "cgj") String code,
        @Schema(description = "单位名称", example = "市城市管理局") String name,
        @Schema(description = "建议分值，0–1") double score,
        @Schema(description = "职责中与事项相符的词") List<String> dutyWords,
        @Schema(description = "事项中提到了该单位") boolean named,
        @Schema(description = "该单位主办过的相似事项编号") List<String> similarDirectives,
        @Schema(description = "理由（中文）", example = "职责相符：背街小巷、占道经营；曾主办相似事项 DB-2026-0012") String reason) {

    public UnitSuggestion {
        dutyWords = List.copyOf(dutyWords);
        similarDirectives = List.copyOf(similarDirectives);
    }
}
