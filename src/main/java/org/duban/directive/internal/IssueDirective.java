package org.duban.directive.internal;

import static org.duban.directive.DirectiveVariables.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.NewDirective;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One click (一键直达): validates, numbers and starts a directive. A leader's directive is dispatched
 * to every department in the same transaction; the office's is a draft waiting for a leader.
 */
@Service
class IssueDirective {

    record Issued(String number, boolean replayed) {}

    private final DirectiveRequestValidator validator;
    private final DirectiveNumbers numbers;
    private final IdempotencyKeys idempotency;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final WorkCalendar calendar;
    private final ObjectMapper json;

    IssueDirective(DirectiveRequestValidator validator, DirectiveNumbers numbers, IdempotencyKeys idempotency,
            RuntimeService runtime, IdentityService identity, WorkCalendar calendar, ObjectMapper json) {
        this.validator = validator;
        this.numbers = numbers;
        this.idempotency = idempotency;
        this.runtime = runtime;
        this.identity = identity;
        this.calendar = calendar;
        this.json = json;
    }

    @Transactional
    Issued issue(DirectiveRequest request, CurrentUser user, String idempotencyKey) {
        if (!user.isLeader() && !user.isSupervisor()) {
            throw ApiException.forbidden("只有领导或督查室可以交办督办事项。");
        }
        String hash = hash(request);
        if (idempotencyKey != null) {
            Optional<Issued> earlier = replay(user.id(), idempotencyKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            idempotency.claim(user.id(), idempotencyKey, hash);
        }
        // validate before numbering, so a refused request consumes no number
        NewDirective directive = validator.validate(request, null, user.id(), !user.isLeader());
        String number = numbers.next(calendar.today().getYear());
        start(directive, number, user);
        if (idempotencyKey != null) {
            idempotency.complete(user.id(), idempotencyKey, number);
        }
        return new Issued(number, false);
    }

    /** The directive an earlier request with this key produced, once that request has committed. */
    @Transactional(readOnly = true)
    Optional<Issued> replay(String userId, String key, String hash) {
        return idempotency.find(userId, key).map(entry -> {
            if (!entry.requestHash().equals(hash)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "重复的幂等键",
                        "该 Idempotency-Key 已用于另一份不同的交办请求。");
            }
            return new Issued(entry.directiveNumber(), true);
        });
    }

    String hash(DirectiveRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void start(NewDirective directive, String number, CurrentUser user) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DIRECTIVE_NUMBER, number);
        variables.put(TITLE, directive.title());
        variables.put(INSTRUCTION, directive.instruction());
        variables.put(CATEGORY, directive.category());
        variables.put(PRIORITY, directive.priority().key());
        variables.put(LEAD_DEPARTMENT, directive.leadDepartment());
        variables.put(CO_DEPARTMENT_CODES, String.join(",", directive.coDepartments()));
        variables.put(DEADLINE, directive.deadline().toString());
        variables.put(REPORT_CYCLE, directive.reportCycle().key());
        // the engine records who started the instance (initiator, operation log) from the authentication
        identity.setAuthentication(user.id(), List.copyOf(user.groups()));
        try {
            runtime.startProcessInstanceByKey(DIRECTIVE_PROCESS, number, variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
