package org.duban.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in person's own choice between immediate mail and the daily digest. */
@Tag(name = "通知")
@RestController
class NotificationPreferenceController {

    /**
     * @param delivery  {@code immediate} or {@code digest}
     * @param digestTime when digests go out (Beijing time), for the person's information
     */
    record Preference(String delivery, String label, String digestTime, String quietHoursStart, String quietHoursEnd) {}

    record PreferenceRequest(String delivery) {}

    private final NotificationPreferences preferences;
    private final NotificationProperties properties;

    NotificationPreferenceController(NotificationPreferences preferences, NotificationProperties properties) {
        this.preferences = preferences;
        this.properties = properties;
    }

    @Operation(summary = "我的通知方式", description = "immediate：每条通知即时发送；digest：每天定时汇总为一封邮件。")
    @GetMapping("/api/me/notification-preference")
    Preference get(Authentication authentication) {
        return view(preferences.of(authentication.getName()));
    }

    @Operation(summary = "设置我的通知方式", description = "升级督办、撤回、逾期和督查室催办始终单独发送，不进每日汇总。")
    @PutMapping(path = "/api/me/notification-preference", consumes = MediaType.APPLICATION_JSON_VALUE)
    Preference put(@RequestBody PreferenceRequest request, Authentication authentication) {
        Delivery delivery = DeliveryChoice.parse(request.delivery());
        preferences.set(authentication.getName(), delivery);
        return view(delivery);
    }

    private Preference view(Delivery delivery) {
        return new Preference(delivery.key(), delivery.label(), properties.digestTime().toString(),
                properties.quietHours().start().toString(), properties.quietHours().end().toString());
    }
}
