package org.duban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.duban.directive.EventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind of event that reaches anyone is mailed in Chinese: a subject and a body each, so no step fails on it. */
class MailTextsTest {

    /**
     * Events that concern nobody but their actor (the directive's own audience rules): issuing (the issuer knows),
     * approval (its dispatch is mailed), signing, a progress report and acceptance (their score is mailed), closing.
     */
    @ParameterizedTest
    @EnumSource(value = EventType.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"ISSUED", "APPROVED", "SIGNED", "PROGRESS_REPORTED", "ACCEPTED", "CLOSED"})
    void everyEventHasASubjectAndABody(EventType type) throws Exception {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/mail/notifications.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(texts.getProperty("mail." + type.name() + ".subject")).as(type + " subject").isNotBlank();
        assertThat(texts.getProperty("mail." + type.name() + ".body")).as(type + " body").isNotBlank();
    }
}
