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
    private final org.duban.directive.AuditRecord record;
    private final org.duban.organisation.Organisation organisation;
    private final WorkCalendar calendar;

    AuditPages(AuditAccess access, AuditTrail trail, ScoreExplanations scores, org.duban.directive.AuditRecord record,
            WorkCalendar calendar, org.duban.organisation.Organisation organisation) {
        this.access = access;
        this.trail = trail;
        this.scores = scores;
        this.record = record;
        this.organisation = organisation;
        this.calendar = calendar;
    }

    @GetMapping("/audit")
    String index(@RequestParam Optional<String> number, @RequestParam Optional<String> user,
            @RequestParam Optional<LocalDate> from, @RequestParam Optional<LocalDate> to,
            @RequestParam(defaultValue = "false") boolean full, Authentication authentication, Model model) {
        access.requireAuditor(CurrentUser.of(authentication));
        if (number.isPresent() && !number.get().isBlank()) {
            return "redirect:/audit/directives/" + UriUtils.encodePathSegment(number.get().strip(), StandardCharsets.UTF_8);
        }
        if (user.isPresent() && !user.get().isBlank()) {
            return "redirect:/audit/users/" + UriUtils.encodePathSegment(user.get().strip(), StandardCharsets.UTF_8)
                    + "?from=" + from.orElse(calendar.today().minusMonths(1)) + "&to=" + to.orElse(calendar.today());
        }
        model.addAttribute("verification", full ? record.verifyAll() : record.verifySinceCheckpoint());
        model.addAttribute("full", full);
        model.addAttribute("today", calendar.today());
        model.addAttribute("monthAgo", calendar.today().minusMonths(1));
        return "audit/index";
    }

    @GetMapping("/audit/directives/{number}")
    String directive(@PathVariable String number, @org.springframework.web.bind.annotation.ModelAttribute("filter")
            TrailFilter filter, Authentication authentication, Model model) {
        access.requireAuditor(CurrentUser.of(authentication));
        model.addAttribute("number", number);
        model.addAttribute("found", trail.exists(number));
        if (trail.exists(number)) {
            java.util.List<TrailEntry> all = trail.ofDirective(number);
            java.util.List<TrailEntry> shown = filter.apply(all);
            model.addAttribute("entries", shown);
            model.addAttribute("total", all.size());
            model.addAttribute("explanations", scores.of(number));
            model.addAttribute("sources", TrailFilter.SOURCES);
            model.addAttribute("units", all.stream().map(TrailEntry::department).filter(java.util.Objects::nonNull)
                    .distinct().map(code -> organisation.department(code).orElse(null))
                    .filter(java.util.Objects::nonNull).toList());
            model.addAttribute("people", all.stream().map(TrailEntry::actor).filter(java.util.Objects::nonNull).distinct()
                    .sorted().toList());
            model.addAttribute("types", all.stream().collect(java.util.stream.Collectors.toMap(TrailEntry::type,
                    TrailEntry::label, (a, b) -> a, java.util.TreeMap::new)));
            model.addAttribute("query", query(filter));
        }
        return "audit/directive";
    }

    /** The filter's query string, for the export links. */
    private static String query(TrailFilter f) {
        org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder.newInstance();
        if (f.source() != null && !f.source().isBlank()) b.queryParam("source", f.source());
        if (f.department() != null && !f.department().isBlank()) b.queryParam("department", f.department());
        if (f.person() != null && !f.person().isBlank()) b.queryParam("person", f.person());
        if (f.type() != null && !f.type().isBlank()) b.queryParam("type", f.type());
        if (f.from() != null) b.queryParam("from", f.from());
        if (f.to() != null) b.queryParam("to", f.to());
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
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
