package org.duban.system;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Moments as people here read them: Beijing time, to the minute. PostgreSQL hands timestamps back
 * in UTC, so every page and export formats through this one place ({@code ${@beijing.format(t)}}).
 */
@Component("beijing")
public class BeijingTime {

    /** The city's time zone; every date a person sees and every timer is in it. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String format(OffsetDateTime moment) {
        return moment == null ? "" : MINUTE.format(moment.atZoneSameInstant(ZONE));
    }

    /** To the second, as auditors read a trail. */
    public String seconds(OffsetDateTime moment) {
        return moment == null ? "" : SECOND.format(moment.atZoneSameInstant(ZONE));
    }
}
