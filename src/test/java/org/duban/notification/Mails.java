package org.duban.notification;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** Reading what GreenMail received: by recipient and subject, and the decoded plain-text part. */
final class Mails {

    private final GreenMailExtension smtp;

    Mails(GreenMailExtension smtp) {
        this.smtp = smtp;
    }

    List<MimeMessage> to(String address, String subjectContains) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)
                    && mail.getSubject().contains(subjectContains)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    List<String> subjectsTo(String address, String subjectContains) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : to(address, subjectContains)) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
