package org.duban.directive.internal.web;

import java.util.Locale;

import org.duban.directive.DirectiveStatus;
import org.duban.directive.internal.DirectiveAccess;
import org.duban.directive.internal.Texts;
import org.duban.directive.internal.Withdrawal;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 撤回: a leader or the office ends a directive before it is closed; every open task ends with it. */
@Service
class WithdrawDirective {

    static final int MAX_REASON = 500;

    private final DirectiveAccess access;
    private final Withdrawal withdrawal;
    private final MessageSource labels;

    WithdrawDirective(DirectiveAccess access, Withdrawal withdrawal, MessageSource labels) {
        this.access = access;
        this.withdrawal = withdrawal;
        this.labels = labels;
    }

    @Transactional
    void withdraw(String number, WithdrawalRequest request, CurrentUser user) {
        access.requireVisible(number, user);
        access.requireOffice(user, "撤回督办事项");
        String reason = request == null || request.reason() == null ? null : request.reason().strip();
        if (reason == null || reason.isEmpty()) {
            throw new InvalidRequestException("reason", "请填写撤回理由");
        }
        if (!Texts.isClean(reason)) {
            throw new InvalidRequestException("reason", "撤回理由含有无法保存的字符（空字符或不完整的 Unicode 字符）");
        }
        if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw new InvalidRequestException("reason", "撤回理由不能超过 " + MAX_REASON + " 字");
        }
        DirectiveStatus status = access.status(number);
        if (!status.isOpen()) {
            throw ApiException.conflict("directive-not-open", "督办事项 " + number + " 当前状态为“"
                    + labels.getMessage("status." + status, null, status.name(), Locale.SIMPLIFIED_CHINESE) + "”，不能撤回。");
        }
        withdrawal.request(access.directive(number), new Withdrawal.Request(user.id(), reason));
    }
}
