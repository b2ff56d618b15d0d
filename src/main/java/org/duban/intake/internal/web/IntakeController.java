package org.duban.intake.internal.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.directive.SimilarDirective;
import org.duban.directive.SimilarDirectives;
import org.duban.intake.UnitSuggestions;
import org.duban.intake.internal.DepartmentSuggestions;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "智能交办", description = "自动查重与建议承办单位")
@RestController
@RequestMapping("/api/directives")
class IntakeController {

    static final int MAX_TEXT = 5000;

    private final SimilarDirectives similar;
    private final DepartmentSuggestions suggestions;

    IntakeController(SimilarDirectives similar, DepartmentSuggestions suggestions) {
        this.similar = similar;
        this.suggestions = suggestions;
    }

    @Operation(summary = "相似事项（自动查重）", description = "未办结的和一年内交办的事项中与标题、批示内容相似的，最多 5 项，"
            + "按相似度从高到低；承办单位只能看到本单位参与的事项。交办页面在输入时调用。")
    @GetMapping("/similar")
    List<SimilarDirective> similar(@RequestParam(required = false) String title,
            @RequestParam(required = false) String instruction, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        tooLong(title, "title", "标题", problems);
        tooLong(instruction, "instruction", "批示内容", problems);
        if (blank(title) && blank(instruction)) {
            problems.add(new FieldProblem("title", "请填写标题或批示内容"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return similar.similarTo(title, instruction, CurrentUser.of(authentication), null);
    }

    @Operation(summary = "建议承办单位（任务智能分派）", description = "按各单位职责（三定）和相似事项的主办单位，建议主办单位和协办单位，"
            + "并说明理由。仅领导和督查室可用。")
    @GetMapping("/suggestions")
    UnitSuggestions suggestions(@RequestParam(required = false) String text, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isLeader() && !user.isSupervisor()) {
            throw ApiException.forbidden("只有领导或督查室可以获取承办单位建议。");
        }
        List<FieldProblem> problems = new ArrayList<>();
        tooLong(text, "text", "事项内容", problems);
        if (blank(text)) {
            problems.add(new FieldProblem("text", "请填写事项内容"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        // the whole text as an instruction: compared with past directives' titles and instructions alike
        return suggestions.suggest("", text);
    }

    private static void tooLong(String value, String field, String label, List<FieldProblem> problems) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, label + "不能超过 " + MAX_TEXT + " 个字"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
