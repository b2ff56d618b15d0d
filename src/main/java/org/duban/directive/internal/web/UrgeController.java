package org.duban.directive.internal.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.directive.DirectiveStatus;
import org.duban.directive.internal.DirectiveAccess;
import org.duban.directive.internal.PartContext;
import org.duban.directive.internal.PartRow;
import org.duban.directive.internal.PartStore;
import org.duban.directive.internal.Supervision;
import org.duban.directive.internal.Texts;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 催办 by the office: counted against the unit and kept in the timeline with who pressed it and why. Nothing in
 * the engine waits for it, so it is recorded here directly, in one transaction.
 */
@Tag(name = "督办事项")
@RestController
class UrgeController {

    static final int MAX_NOTE = 500;

    record Urged(String number, List<String> departments) {}

    private final DirectiveAccess access;
    private final PartStore parts;
    private final Supervision supervision;

    UrgeController(DirectiveAccess access, PartStore parts, Supervision supervision) {
        this.access = access;
        this.parts = parts;
        this.supervision = supervision;
    }

    @Operation(summary = "催办", description = "督查室或领导催办一个或全部未办结的承办单位；不指定单位时催办本事项直接交办的单位，"
            + "指定单位时可催办任一层级的下级单位。")
    @PostMapping(path = "/api/directives/{number}/urges", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    Urged urge(@PathVariable String number, @RequestBody(required = false) UrgeRequest request,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        access.requireOffice(user, "催办");
        String note = request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && !Texts.isClean(note)) {
            throw new InvalidRequestException("note", "催办说明含有无法保存的字符（空字符或不完整的 Unicode 字符）");
        }
        if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE) {
            throw new InvalidRequestException("note", "催办说明不能超过 " + MAX_NOTE + " 字");
        }
        String unit = request == null || request.department() == null || request.department().isBlank()
                ? null : request.department();
        var directive = access.directive(number);
        List<PartRow> targets = directive.status() != DirectiveStatus.IN_PROGRESS ? List.of() : parts.of(number).stream()
                .filter(p -> p.processInstanceId() != null && p.status().isUrgeable())
                // all at once reaches the directive's own units; a unit below is urged by name (the office may urge any level)
                .filter(p -> unit == null ? !p.isSubPart() : unit.equals(p.unit())).toList();
        if (targets.isEmpty()) {
            if (unit != null && directive.status() == DirectiveStatus.IN_PROGRESS) {
                throw new InvalidRequestException("department", "单位“" + unit + "”不是本事项的承办单位，或已提交审核、已办结");
            }
            throw ApiException.conflict("nothing-to-urge", "督办事项 " + number + " 没有可催办的单位（未下发、已办结或已撤回）。");
        }
        targets.forEach(part -> supervision.urgedBy(new PartContext(directive, part), user.id(), note));
        return new Urged(number, targets.stream().map(PartRow::unit).toList());
    }
}
