package org.duban.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import lombok.extern.slf4j.Slf4j;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once the digest time has come, puts each person's waiting items into one digest message, which
 * then leaves through the outbox like any other (leases, retries, quiet hours). Checked on every
 * poll rather than by a cron trigger, so a node that was down at 08:00 catches up, and tests can
 * move the clock.
 */
@Slf4j
@Component
class DigestCompiler {

    private final DigestItems items;
    private final Outbox outbox;
    private final MailRenderer renderer;
    private final DeliveryRules rules;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DigestCompiler(DigestItems items, Outbox outbox, MailRenderer renderer, DeliveryRules rules,
            NotificationProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.items = items;
        this.outbox = outbox;
        this.renderer = renderer;
        this.rules = rules;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${duban.notifications.poll-interval:PT2S}")
    void compileDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String recipient : items.recipientsDue(now)) {
            try {
                transaction.executeWithoutResult(status -> compile(recipient, now));
            } catch (DataAccessException | FoldedElsewhere e) {
                log.info("Digest for {} left to the next round: {}", recipient, e.getMessage());
            }
        }
    }

    private void compile(String recipient, OffsetDateTime now) {
        List<DigestItems.Item> due = items.lockDue(recipient, now);
        if (due.isEmpty()) {
            return;
        }
        MailRenderer.Mail mail = renderer.renderDigest(due, now, properties.publicUrl() + "/settings/notifications");
        Recipient to = new Recipient(recipient, due.get(0).personId());
        long digestId = outbox.insert(new Outbox.NewMessage(Outbox.DIGEST_KIND, null, null, to, mail.subject(), mail.text(),
                mail.html(), properties.publicUrl() + "/", null), rules.afterQuietHours(now));
        if (items.fold(due, digestId) != due.size()) {
            // another node folded some of them first: roll back rather than mail them twice
            throw new FoldedElsewhere(recipient);
        }
    }

    private static final class FoldedElsewhere extends RuntimeException {
        FoldedElsewhere(String recipient) {
            super("items of " + recipient + " were folded into another digest meanwhile");
        }
    }
}
