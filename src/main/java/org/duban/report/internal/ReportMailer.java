package org.duban.report.internal;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.duban.notification.ReportMail;
import org.duban.organisation.Member;
import org.duban.organisation.Organisation;
import org.duban.organisation.Role;
import org.duban.report.ReportPeriod;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Mails a report to the leaders and the supervision office (督查室), everyone with either role. */
@Component
public class ReportMailer {

    /** Lines per listing in a mail; the link opens the whole report. */
    static final int MAIL_LINES = 10;

    private final Reports reports;
    private final ReportStore store;
    private final ReportRenderer renderer;
    private final ReportMail mail;
    private final Organisation organisation;
    private final String publicUrl;

    ReportMailer(Reports reports, ReportStore store, ReportRenderer renderer, ReportMail mail, Organisation organisation,
            @Value("${duban.notifications.public-url}") String publicUrl) {
        this.reports = reports;
        this.store = store;
        this.renderer = renderer;
        this.mail = mail;
        this.organisation = organisation;
        this.publicUrl = publicUrl;
    }

    /** @return how many people it was queued to */
    public int mail(ReportPeriod period) {
        StoredReport stored = store.find(period.kind(), period.key()).orElseThrow();
        ReportContent content = reports.read(stored);
        String link = publicUrl + "/reports/" + period.kind().key() + "/" + period.key();
        ReportRenderer.Mail rendered = renderer.render(content, link, MAIL_LINES);
        if (rendered.html().length() > ReportMail.MAX_HTML || rendered.text().length() > ReportMail.MAX_TEXT) {
            // very long titles: the figures and the link still go out
            rendered = renderer.render(content, link, 0);
        }
        int sent = mail.send("REPORT_" + period.kind().name(), rendered.subject(), rendered.text(), rendered.html(),
                recipients());
        store.mailed(period, sent);
        return sent;
    }

    Set<String> recipients() {
        Set<String> to = new LinkedHashSet<>();
        organisation.withRole(Role.LEADER).stream().map(Member::email).filter(Objects::nonNull).forEach(to::add);
        organisation.withRole(Role.SUPERVISOR).stream().map(Member::email).filter(Objects::nonNull).forEach(to::add);
        return to;
    }
}
