package org.duban.intake;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Suggested lead units (best first) and co-units for a directive's text (任务智能分派). */
@Schema(description = "建议主办单位与协办单位")
public record UnitSuggestions(
        @Schema(description = "建议主办单位，按分值从高到低") List<UnitSuggestion> lead,
        @Schema(description = "建议协办单位") List<UnitSuggestion> co) {

    public UnitSuggestions {
        lead = List.copyOf(lead);
        co = List.copyOf(co);
    }
}
