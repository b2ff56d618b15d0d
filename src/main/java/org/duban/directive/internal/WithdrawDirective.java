package org.duban.directive.internal;

import static org.duban.directive.DirectiveVariables.*;

import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.duban.directive.DirectiveAccess;
import org.duban.directive.DirectiveStatus;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.context.MessageSource;
import org.springframework.transaction.annotation.Transactional;

/** 撤回: a leader or the office ends a directive before it is closed; every open task ends with it. */
@Service
class WithdrawDirective {

    private final DirectiveAccess access;
    private final RuntimeService runtime;
    private final MessageSource labels;

    WithdrawDirective(DirectiveAccess access, RuntimeService runtime, MessageSource labels) {
        this.access = access;
        this.runtime = runtime;
        this.labels = labels;
    }

    @Transactional
    void withdraw(String number, WithdrawalRequest request, CurrentUser user) {
        access.requireVisible(number, user);
        access.requireOffice(user, "撤回督办事项");
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "请填写撤回理由");
        }
        if (reason.strip().length() > 500) {
            throw new InvalidRequestException("reason", "撤回理由不能超过 500 字");
        }
        DirectiveStatus status = access.status(number);
        if (!status.isOpen()) {
            throw ApiException.conflict("directive-not-open", "督办事项 " + number + " 当前状态为“"
                    + labels.getMessage("status." + status, null, status.name(), Locale.SIMPLIFIED_CHINESE) + "”，不能撤回。");
        }
        runtime.createMessageCorrelation(MESSAGE_WITHDRAW)
                .processInstanceBusinessKey(number)
                .setVariables(Map.of(WITHDRAWN_BY, user.id(), WITHDRAWAL_REASON, reason.strip()))
                .correlateWithResult();
    }
}
