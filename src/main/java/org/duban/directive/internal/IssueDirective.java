package org.duban.directive.internal;

import static org.duban.directive.DirectiveVariables.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.directive.NewDirective;
import org.duban.directive.PartRole;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door a directive comes in by (一键交办). {@code POST /api/directives} validates the request, then starts
 * the process, whose first step registers exactly what was validated; a start from Tasklist's start form or
 * {@code /engine-rest} is validated by that step with the same rules. Either way the issuer is the logged-in
 * person (never a variable), a leader's directive goes out at once and the office's is a draft for a leader,
 * and only this class gives out numbers.
 */
@Service
public class IssueDirective {

    public record Issued(String number, boolean replayed) {}

    private final DirectiveRequestValidator validator;
    private final Issuers issuers;
    private final DirectiveNumbers numbers;
    private final IdempotencyKeys idempotency;
    private final DirectiveStore directives;
    private final PartStore parts;
    private final LightRule rule;
    private final Lights lights;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final WorkCalendar calendar;
    private final ObjectMapper json;

    IssueDirective(DirectiveRequestValidator validator, Issuers issuers, DirectiveNumbers numbers,
            IdempotencyKeys idempotency, DirectiveStore directives, PartStore parts, LightRule rule, Lights lights,
            Timeline timeline, RuntimeService runtime, IdentityService identity, WorkCalendar calendar,
            ObjectMapper json) {
        this.validator = validator;
        this.issuers = issuers;
        this.numbers = numbers;
        this.idempotency = idempotency;
        this.directives = directives;
        this.parts = parts;
        this.rule = rule;
        this.lights = lights;
        this.timeline = timeline;
        this.runtime = runtime;
        this.identity = identity;
        this.calendar = calendar;
        this.json = json;
    }

    @Transactional
    public Issued issue(DirectiveRequest request, CurrentUser user, String idempotencyKey) {
        boolean draft = issuers.draftFor(user.id())
                .orElseThrow(() -> ApiException.forbidden("只有领导或督查室可以交办督办事项。"));
        String hash = hash(request);
        if (idempotencyKey != null) {
            Optional<Issued> earlier = replay(user.id(), idempotencyKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            idempotency.claim(user.id(), idempotencyKey, hash);
        }
        NewDirective directive = validator.validate(request, user.id(), draft);
        // the engine records who started the instance (operation log) from the authentication
        identity.setAuthentication(user.id(), List.copyOf(user.groups()));
        String number;
        try {
            number = HandOver.ISSUE.during(directive,
                    () -> runtime.startProcessInstanceByKey(DIRECTIVE_PROCESS)).getBusinessKey();
        } finally {
            identity.clearAuthentication();
        }
        if (idempotencyKey != null) {
            idempotency.complete(user.id(), idempotencyKey, number);
        }
        return new Issued(number, false);
    }

    /**
     * What the request would reach, validated by the same rules, without creating anything: the directive's own
     * units, then each unit reached below another, with its parent (shown before the press).
     */
    public NewDirective preview(DirectiveRequest request, CurrentUser user) {
        boolean draft = issuers.draftFor(user.id())
                .orElseThrow(() -> ApiException.forbidden("只有领导或督查室可以交办督办事项。"));
        return validator.validate(request, user.id(), draft);
    }

    /** The directive an earlier request with this key produced, once that request has committed. */
    @Transactional(readOnly = true)
    public Optional<Issued> replay(String userId, String key, String hash) {
        return idempotency.find(userId, key).map(entry -> {
            if (!entry.requestHash().equals(hash)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "重复的幂等键",
                        "该 Idempotency-Key 已用于另一份不同的交办请求。");
            }
            return new Issued(entry.directiveNumber(), true);
        });
    }

    public String hash(DirectiveRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first step of every directive: what {@code POST /api/directives} validated, or else the start form's
     * fields, validated here by the same rules, issued by the person starting it.
     */
    public DirectiveRow register(Map<String, Object> startVariables, String issuer, String processInstanceId) {
        NewDirective directive = HandOver.ISSUE.take().orElseGet(() -> fromStartForm(startVariables, issuer));
        String number = numbers.next(calendar.today().getYear());
        directives.insert(directive, number, processInstanceId,
                rule.yellowFrom(directive.category(), directive.priority(), directive.deadline()),
                directive.departments().size());
        List<PartStore.NewPart> assigned = new ArrayList<>();
        LocalDate yellowFrom = rule.yellowFrom(directive.category(), directive.priority(), directive.deadline());
        for (String unit : directive.departments()) {
            assigned.add(new PartStore.NewPart(unit, unit.equals(directive.leadDepartment()) ? PartRole.LEAD : PartRole.CO,
                    null, directive.deadline(), yellowFrom));
        }
        // units reached down the tree hang under their parent's part, which reviews them (逐级审核)
        for (NewDirective.SubPart sub : directive.subParts()) {
            assigned.add(new PartStore.NewPart(sub.unit(), PartRole.SUB, sub.parentUnit(), directive.deadline(), yellowFrom));
        }
        parts.insert(number, assigned, 0);
        lights.refresh(number);
        DirectiveRow row = directives.find(number).orElseThrow();
        timeline.record(row, EventType.ISSUED, directive.issuedBy(), new EventDetails.Issued(directive.title(),
                directive.draft(), directive.departments(), directive.deadline().toString(), directive.priority().key(),
                directive.subParts().stream().map(NewDirective.SubPart::unit).toList()));
        return row;
    }

    private NewDirective fromStartForm(Map<String, Object> variables, String issuer) {
        boolean draft = issuers.draftFor(issuer).orElseThrow(() -> new InvalidRequestException("issuedBy",
                "督办事项只能由已登录的领导或督查室人员交办"));
        DirectiveRequest request = new DirectiveRequest(text(variables, TITLE), text(variables, INSTRUCTION),
                text(variables, CATEGORY), text(variables, PRIORITY), text(variables, LEAD_DEPARTMENT),
                codes(variables.get(CO_DEPARTMENTS)), text(variables, DEADLINE), text(variables, REPORT_CYCLE),
                targets(variables.get(TARGETS)));
        return validator.validate(request, issuer, draft);
    }

    /** Targets as the start form's list sends them: {@code under:level}, under empty for the whole city. */
    static List<DirectiveRequest.Target> targets(Object value) {
        return codes(value).stream().map(option -> {
            int colon = option.indexOf(':');
            return colon < 0 ? new DirectiveRequest.Target(null, option)
                    : new DirectiveRequest.Target(option.substring(0, colon).isBlank() ? null : option.substring(0, colon),
                            option.substring(colon + 1));
        }).toList();
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    /** Co-units as a start form sends them: a list (checklist, taglist) or codes separated by commas. */
    static List<String> codes(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).filter(s -> !s.isBlank()).toList();
        }
        String text = value.toString().strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1).replace("\"", "");
        }
        return Arrays.stream(text.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
