package org.duban.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.organisation.Groups;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "通知", description = "邮件发件箱（管理员）与个人通知设置")
@RestController
class NotificationController {

    /** Not a stored status: pending messages whose last attempt failed. */
    private static final String FAILING = "FAILING";

    private final Outbox outbox;

    NotificationController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Operation(summary = "发件箱", description = "按状态查看通知：pending（待发送，含失败待重试）、failing（上次发送失败）、"
            + "held（静默时段暂缓，到点发送）、digest（等待每日汇总）、digested（已并入汇总邮件）、"
            + "cancelled（事项已撤回，不再发送）、sent（已发送）、logged（未配置邮件服务器，仅记录）。")
    @GetMapping("/api/notifications")
    List<Map<String, Object>> list(@RequestParam Optional<String> status, Authentication authentication) {
        if (!CurrentUser.of(authentication).groups().contains(Groups.ADMINS)) {
            throw ApiException.forbidden("发件箱仅对管理员开放。");
        }
        String wanted = status.map(s -> s.strip().toUpperCase(Locale.ROOT)).orElse(null);
        if (wanted != null && !FAILING.equals(wanted) && !Outbox.STATUSES.contains(wanted)) {
            throw new InvalidRequestException("status",
                    "取值须为 pending、failing、held、digest、digested、cancelled、sent 或 logged");
        }
        return FAILING.equals(wanted) ? outbox.list(Outbox.PENDING, true, 500) : outbox.list(wanted, false, 500);
    }
}
