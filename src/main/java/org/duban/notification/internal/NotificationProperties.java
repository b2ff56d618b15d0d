package org.duban.notification.internal;

import java.lang.management.ManagementFactory;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param publicUrl   where people open Duban; links in mails point there
 * @param from        the sender address
 * @param batchSize   messages claimed per sending round
 * @param firstRetrySeconds the wait after the first failed attempt; it doubles with every further one
 * @param maxBackoffSeconds the longest wait between two attempts of one message
 * @param quietHours  Beijing time in which routine mail is held (start == end: none)
 * @param digestTime  Beijing time of day at which the daily digests are put together
 * @param nodeId      names this node in the outbox leases; the JVM's pid@host when not set
 * @param senderThreads how many threads of this node send at once, each over its own SMTP connection
 */
@ConfigurationProperties("duban.notifications")
record NotificationProperties(String publicUrl, String from, int batchSize, long firstRetrySeconds,
        long maxBackoffSeconds, QuietHours quietHours, LocalTime digestTime, String nodeId, int senderThreads) {

    NotificationProperties(String publicUrl, String from, int batchSize, long firstRetrySeconds, long maxBackoffSeconds,
            QuietHours quietHours, LocalTime digestTime, String nodeId) {
        this(publicUrl, from, batchSize, firstRetrySeconds, maxBackoffSeconds, quietHours, digestTime, nodeId, 1);
    }

    @ConstructorBinding
    NotificationProperties {
        if (quietHours == null) {
            quietHours = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        }
        if (digestTime == null) {
            digestTime = LocalTime.of(8, 0);
        }
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName();
        }
        if (senderThreads < 1) {
            senderThreads = 1;
        }
    }
}
