package org.duban.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl   where people open Duban; links in mails point there
 * @param from        the sender address
 * @param batchSize   messages claimed per sending round
 * @param firstRetrySeconds the wait after the first failed attempt; it doubles with every further one
 * @param maxBackoffSeconds the longest wait between two attempts of one message
 */
@ConfigurationProperties("duban.notifications")
record NotificationProperties(String publicUrl, String from, int batchSize, long firstRetrySeconds,
        long maxBackoffSeconds) {}
