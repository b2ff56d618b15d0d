package org.duban.directive.internal.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.directive.internal.DirectiveAccess;
import org.duban.directive.internal.DirectiveStore;
import org.duban.directive.internal.PartContext;
import org.duban.directive.internal.PartStore;
import org.duban.directive.internal.RiskRules;
import org.duban.directive.internal.Timeline;
import org.duban.directive.internal.RiskFlagStore;
import org.duban.directive.internal.RiskFlagStore.RiskFlagRow;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Early-warning flags (风险预警): the office sees all open ones and marks them handled with a note; a unit sees
 * only the flags on its own parts.
 */
@Tag(name = "风险预警")
@RestController
class RiskController {

    static final int MAX_NOTE = 1000;

    record Handling(String note) {}

    private final DirectiveAccess access;
    private final RiskFlagStore flags;
    private final Clock clock;
    private final DirectiveStore directives;
    private final PartStore parts;
    private final Timeline timeline;

    RiskController(DirectiveAccess access, RiskFlagStore flags, Clock clock, DirectiveStore directives,
            PartStore parts, Timeline timeline) {
        this.access = access;
        this.directives = directives;
        this.parts = parts;
        this.timeline = timeline;
        this.flags = flags;
        this.clock = clock;
    }

    /** Who sees a flag: leaders, the office and auditors all; a unit its own (the API and the directive page). */
    static java.util.function.Predicate<RiskFlagRow> visibleTo(CurrentUser user) {
        return flag -> user.seesEverything() || user.departments().contains(flag.unit());
    }

    @Operation(summary = "未处理的风险预警", description = "督查室和领导看全部，承办单位只看本单位的；可按事项编号、单位、规则筛选。")
    @GetMapping("/api/risks")
    List<RiskFlagRow> open(@RequestParam(required = false) String directive,
            @RequestParam(required = false) String department, @RequestParam(required = false) String rule,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return flags.open().stream()
                .filter(visibleTo(user))
                .filter(f -> directive == null || directive.equals(f.number()))
                .filter(f -> department == null || department.equals(f.unit()))
                .filter(f -> rule == null || rule.equals(f.rule()))
                .toList();
    }

    @Operation(summary = "事项的风险预警", description = "含已处理的；承办单位只看本单位的。")
    @GetMapping("/api/directives/{number}/risks")
    List<RiskFlagRow> ofDirective(@PathVariable String number, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        return flags.ofDirective(number).stream().filter(visibleTo(user)).toList();
    }

    @Operation(summary = "处理风险预警", description = "督查室或领导写明处理情况后标记为已处理。")
    @PostMapping(path = "/api/directives/{number}/risks/{id}/handling", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    RiskFlagRow handle(@PathVariable String number, @PathVariable long id, @RequestBody(required = false) Handling body,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        access.requireOffice(user, "处理风险预警");
        String note = body == null || body.note() == null ? "" : body.note().strip();
        if (note.isEmpty()) {
            throw new InvalidRequestException("note", "请填写处理情况");
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidRequestException("note", "处理情况不能超过" + MAX_NOTE + "字");
        }
        RiskFlagRow flag = flags.find(id).filter(f -> f.number().equals(number))
                .orElseThrow(() -> ApiException.notFound("本事项没有编号为" + id + "的风险预警"));
        if (!flags.handle(flag.id(), user.id(), note, OffsetDateTime.now(clock))) {
            throw ApiException.conflict("risk-already-handled", "该风险预警已处理，不能重复处理");
        }
        String label = RiskRules.Rule.ofKey(flag.rule()).map(RiskRules.Rule::label).orElse(flag.rule());
        timeline.record(new PartContext(directives.find(number).orElseThrow(),
                parts.find(number, flag.unit()).orElseThrow()), EventType.RISK_HANDLED, user.id(),
                new EventDetails.RiskHandled(flag.id(), flag.rule(), label, note));
        return flags.find(id).orElseThrow();
    }
}
