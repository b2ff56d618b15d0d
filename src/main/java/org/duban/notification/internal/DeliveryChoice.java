package org.duban.notification.internal;

import java.util.Locale;

import org.duban.system.InvalidRequestException;

/** Reads a person's choice as the API and the settings page receive it. */
final class DeliveryChoice {

    static final String FIELD = "delivery";
    static final String INVALID = "取值须为 immediate（即时发送）或 digest（每日汇总）";

    private DeliveryChoice() {
    }

    static Delivery parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(FIELD, "请选择通知方式：immediate（即时发送）或 digest（每日汇总）");
        }
        return Delivery.ofKey(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidRequestException(FIELD, INVALID));
    }
}
