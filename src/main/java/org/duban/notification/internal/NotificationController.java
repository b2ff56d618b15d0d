package org.duban.notification.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.organisation.Groups;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "通知", description = "邮件发件箱（管理员）")
@RestController
class NotificationController {

    private final Outbox outbox;

    NotificationController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Operation(summary = "发件箱", description = "待发送（PENDING，含失败待重试）、已发送（SENT）或仅记录（LOGGED）的通知。")
    @GetMapping("/api/notifications")
    List<Map<String, Object>> list(@RequestParam Optional<String> status, Authentication authentication) {
        if (!CurrentUser.of(authentication).groups().contains(Groups.ADMINS)) {
            throw ApiException.forbidden("发件箱仅对管理员开放。");
        }
        return outbox.list(status.map(String::toUpperCase).orElse(null), 500);
    }
}
