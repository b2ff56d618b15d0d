package org.duban.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import org.duban.calendar.WorkCalendar;
import org.duban.system.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The auditors' pages: find a directive or a person, replay the trail, see how scores came about. */
@Controller
class AuditPages {

    private final AuditAccess access;
    private final AuditTrail trail;
    private final ScoreExplanations scores;
    private final ChainVerification verification;
    private final WorkCalendar calendar;

    AuditPages(AuditAccess access, AuditTrail trail, ScoreExplanations scores, ChainVerification verification,
            WorkCalendar calendar) {
        this.access = access;
        this.trail = trail;
        this.scores = scores;
        this.verification = verification;
        this.calendar = calendar;
    }

    @GetMapping("/audit")
    String index(@RequestParam Optional<String> number, @RequestParam Optional<String> user,
            @RequestParam Optional<LocalDate> from, @RequestParam Optional<LocalDate> to, Authentication authentication,
            Model model) {
        access.requireAuditor(CurrentUser.of(authentication));
        if (number.isPresent() && !number.get().isBlank()) {
            return "redirect:/audit/directives/" + UriUtils.encodePathSegment(number.get().strip(), StandardCharsets.UTF_8);
        }
        if (user.isPresent() && !user.get().isBlank()) {
            return "redirect:/audit/users/" + UriUtils.encodePathSegment(user.get().strip(), StandardCharsets.UTF_8)
                    + "?from=" + from.orElse(calendar.today().minusMonths(1)) + "&to=" + to.orElse(calendar.today());
        }
        model.addAttribute("verification", verification.verify());
        model.addAttribute("today", calendar.today());
        model.addAttribute("monthAgo", calendar.today().minusMonths(1));
        return "audit/index";
    }

    @GetMapping("/audit/directives/{number}")
    String directive(@PathVariable String number, Authentication authentication, Model model) {
        access.requireAuditor(CurrentUser.of(authentication));
        model.addAttribute("number", number);
        model.addAttribute("found", trail.exists(number));
        if (trail.exists(number)) {
            model.addAttribute("entries", trail.ofDirective(number));
            model.addAttribute("explanations", scores.of(number));
        }
        return "audit/directive";
    }

    @GetMapping("/audit/users/{userId}")
    String person(@PathVariable String userId, @RequestParam Optional<LocalDate> from, @RequestParam Optional<LocalDate> to,
            Authentication authentication, Model model) {
        access.requireAuditor(CurrentUser.of(authentication));
        LocalDate end = to.orElse(calendar.today());
        LocalDate start = from.orElse(end.minusMonths(1));
        model.addAttribute("userId", userId);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("entries", trail.ofPerson(userId, start.atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime(),
                end.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime()));
        return "audit/person";
    }
}
