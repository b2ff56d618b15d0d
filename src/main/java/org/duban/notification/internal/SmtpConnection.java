package org.duban.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for many messages: opened on the first message, kept for a whole sending run,
 * opened again after the server dropped it, closed at the end. Opening a connection per message (as
 * {@link JavaMailSender#send(MimeMessage)} does) held a node to about ten mails a second. A sender
 * that is not Spring's {@link JavaMailSenderImpl} is used message by message.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSender sender;
    private Transport transport;
    private boolean failedToConnect;

    SmtpConnection(JavaMailSender sender) {
        this.sender = sender;
    }

    MimeMessage newMessage() {
        return sender.createMimeMessage();
    }

    /** Hands one message to the server; an exception means this message was not accepted. */
    void send(MimeMessage message) throws MessagingException {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            sender.send(message);
            return;
        }
        if (transport == null || !transport.isConnected()) {
            close();
            failedToConnect = true;
            transport = connect(impl);
            failedToConnect = false;
        }
        if (message.getSentDate() == null) {
            message.setSentDate(new java.util.Date());
        }
        // what JavaMailSenderImpl does too: headers (Message-ID) are fixed before the message leaves
        message.saveChanges();
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            if (!transport.isConnected()) {
                close();
            }
            throw e;
        }
    }

    /** The last message failed because no connection could be opened: the server is down or unreachable. */
    boolean failedToConnect() {
        return failedToConnect;
    }

    private static Transport connect(JavaMailSenderImpl impl) throws MessagingException {
        String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
        Transport transport = impl.getSession().getTransport(protocol);
        String username = impl.getUsername();
        String password = impl.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        transport.connect(impl.getHost(), impl.getPort(), username, password);
        return transport;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is gone either way
            }
            transport = null;
        }
    }
}
