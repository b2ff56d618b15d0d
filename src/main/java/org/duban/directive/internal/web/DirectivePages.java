package org.duban.directive.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.duban.directive.internal.DirectiveAccess;
import org.duban.directive.internal.DirectiveQueries;
import org.duban.directive.internal.ScoreDecision;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.DirectiveView;
import org.duban.directive.Light;
import org.duban.directive.Priority;
import org.duban.directive.ReportCycle;
import org.duban.organisation.Organisation;
import org.duban.organisation.Role;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** 台账, 事项 and 一键交办: the directive pages, drawn from the read model. */
@Controller
class DirectivePages {

    static final int PAGE_SIZE = 20;

    private final DirectiveQueries queries;
    private final DirectiveAccess access;
    private final Organisation organisation;
    private final DirectiveTemplates templates;
    private final ScoreDecision scoreDecision;
    private final WorkCalendar calendar;

    private final org.duban.directive.internal.EvidenceStore evidence;
    private final org.duban.directive.internal.EvidenceCheck evidenceCheck;
    private final org.duban.directive.internal.RiskFlagStore risks;

    /** One early-warning flag on the directive page, with names as people read them. */
    record RiskRow(long id, String unitName, String ruleLabel, String reason, java.time.OffsetDateTime raisedAt,
            boolean open, String handledByName, java.time.OffsetDateTime handledAt, String handledNote) {}

    DirectivePages(DirectiveQueries queries, DirectiveAccess access, Organisation organisation,
            DirectiveTemplates templates, ScoreDecision scoreDecision, WorkCalendar calendar,
            org.duban.directive.internal.EvidenceStore evidence, org.duban.directive.internal.EvidenceCheck evidenceCheck,
            org.duban.directive.internal.RiskFlagStore risks) {
        this.risks = risks;
        this.evidence = evidence;
        this.evidenceCheck = evidenceCheck;
        this.queries = queries;
        this.access = access;
        this.organisation = organisation;
        this.templates = templates;
        this.scoreDecision = scoreDecision;
        this.calendar = calendar;
    }

    @GetMapping("/ledger")
    String ledger(@ModelAttribute("params") LedgerParameters parameters, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        try {
            DirectiveQueries.Page page = queries.list(parameters.toFilter(user, organisation), parameters.pageOrFirst(),
                    parameters.sizeOr(PAGE_SIZE));
            model.addAttribute("page", page);
            model.addAttribute("pages", Math.max(1, (page.total() + page.size() - 1) / page.size()));
        } catch (InvalidRequestException wrongFilter) {
            model.addAttribute("problems", wrongFilter.problems());
        }
        model.addAttribute("query", query(parameters, null));
        model.addAttribute("queryWithoutPage", query(parameters, -1));
        model.addAttribute("statuses", Arrays.asList(DirectiveStatus.values()));
        model.addAttribute("lights", Arrays.asList(Light.values()));
        model.addAttribute("departments", user.seesEverything() ? organisation.departments()
                : organisation.departments().stream().filter(d -> user.departments().contains(d.code())).toList());
        model.addAttribute("categories", templatesList());
        model.addAttribute("levels", List.of(org.duban.organisation.Level.values()));
        // who may issue: leaders directly, the office by a draft a leader approves
        model.addAttribute("leaders", java.util.stream.Stream.concat(organisation.withRole(Role.LEADER).stream(),
                organisation.withRole(Role.SUPERVISOR).stream()).distinct().toList());
        return "directive/ledger";
    }

    @GetMapping("/directives/{number}")
    String directive(@PathVariable String number, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        DirectiveView view = queries.find(number, user).orElseThrow();
        model.addAttribute("d", view);
        model.addAttribute("tree", TreeRows.of(view.departments()));
        model.addAttribute("passDown", passDown(view, user));
        model.addAttribute("withdrawable", view.status() != DirectiveStatus.IN_PROGRESS ? java.util.Set.of()
                : view.departments().stream().filter(p -> p.parentUnit() != null && user.departments().contains(p.parentUnit())
                        && p.status().isOpen()).map(DirectiveView.Department::department)
                        .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("categoryName", templates.find(view.category()).map(t -> t.name()).orElse(view.category()));
        model.addAttribute("leadName", organisation.department(view.leadDepartment()).map(x -> x.name())
                .orElse(view.leadDepartment()));
        model.addAttribute("issuerName", organisation.member(view.issuedBy()).map(m -> m.name()).orElse(view.issuedBy()));
        boolean office = user.isLeader() || user.isSupervisor();
        model.addAttribute("canUrge", office && view.status() == DirectiveStatus.IN_PROGRESS);
        model.addAttribute("canWithdraw", office && view.status().isOpen());
        model.addAttribute("scoreLabels", scoreDecision.labels());
        // 报送办理情况: the person's units whose 办理 step is open, with the files they may attach
        model.addAttribute("reportable", view.status() != DirectiveStatus.IN_PROGRESS ? List.of()
                : view.departments().stream().filter(p -> user.departments().contains(p.department())
                        && p.status() == org.duban.directive.PartStatus.HANDLING).toList());
        model.addAttribute("maxFiles", evidenceCheck.maxFiles());
        model.addAttribute("maxFileMegabytes", org.springframework.util.unit.DataSize.ofBytes(evidenceCheck.maxFileSize())
                .toMegabytes());
        model.addAttribute("evidence", evidence.visibleTo(number, user).stream()
                .map(f -> new EvidenceRow(f, organisation.department(f.unit()).map(x -> x.name()).orElse(f.unit()),
                        organisation.member(f.uploadedBy()).map(m -> m.name()).orElse(f.uploadedBy()),
                        org.duban.directive.internal.EvidenceCheck.PREVIEWABLE.contains(f.mediaType()),
                        f.mediaType().startsWith("image/")))
                .toList());
        // 风险预警: open flags first, each with its rule and reason; the office records how it was handled
        model.addAttribute("risks", risks.ofDirective(number).stream().filter(RiskController.visibleTo(user))
                .sorted(java.util.Comparator.comparing((org.duban.directive.internal.RiskFlagStore.RiskFlagRow f) -> !f.isOpen())
                        .thenComparing(f -> f.raisedAt(), java.util.Comparator.reverseOrder()))
                .map(f -> new RiskRow(f.id(), organisation.department(f.unit()).map(x -> x.name()).orElse(f.unit()),
                        org.duban.directive.internal.RiskRules.Rule.ofKey(f.rule())
                                .map(org.duban.directive.internal.RiskRules.Rule::label).orElse(f.rule()),
                        f.reason(), f.raisedAt(), f.isOpen(), f.handledBy() == null ? null
                                : organisation.member(f.handledBy()).map(m -> m.name()).orElse(f.handledBy()),
                        f.handledAt(), f.handledNote()))
                .toList());
        model.addAttribute("canHandleRisks", office);
        model.addAttribute("noSchedule", calendar.hasSchedule(view.currentDeadline().getYear()) ? null
                : view.currentDeadline().getYear() + " 年的国务院节假日安排尚未发布，工作日暂按周一至周五计算");
        return "directive/directive";
    }

    /** A file as the directive page lists it. */
    record EvidenceRow(org.duban.directive.internal.EvidenceStore.StoredFile file, String unitName, String uploadedByName,
            boolean previewable, boolean image) {

        /** 1.2 MB, 350 KB */
        public String sizeText() {
            long size = file.size();
            return size >= 1024 * 1024 ? String.format("%.1f MB", size / 1024.0 / 1024.0)
                    : Math.max(1, Math.round(size / 1024.0)) + " KB";
        }
    }

    /** A unit of the person's in handling, and the units right below it not yet part of the directive. */
    record PassDown(String unit, String unitName, java.time.LocalDate deadline, List<org.duban.organisation.Department> below) {}

    private List<PassDown> passDown(DirectiveView view, CurrentUser user) {
        if (view.status() != DirectiveStatus.IN_PROGRESS) {
            return List.of();
        }
        java.util.Set<String> taken = view.departments().stream().map(DirectiveView.Department::department)
                .collect(java.util.stream.Collectors.toSet());
        return view.departments().stream()
                .filter(p -> user.departments().contains(p.department()))
                .filter(p -> p.status() == org.duban.directive.PartStatus.HANDLING
                        || p.status() == org.duban.directive.PartStatus.EXTENSION_REQUESTED)
                .map(p -> new PassDown(p.department(), p.departmentName(), p.deadline(),
                        organisation.subUnitsOf(p.department()).stream().filter(u -> !taken.contains(u.code())).toList()))
                .filter(p -> !p.below().isEmpty()).toList();
    }

    @GetMapping("/issue")
    String issue(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireOffice(user, "交办督办事项");
        // one key per opened form: a double press or a resubmission replays instead of creating twice
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("drafting", !user.isLeader());
        model.addAttribute("categories", templatesList());
        model.addAttribute("priorities", Arrays.asList(Priority.values()));
        model.addAttribute("cycles", Arrays.asList(ReportCycle.values()));
        model.addAttribute("roots", organisation.departments().stream().filter(d -> d.parentCode() == null).toList());
        model.addAttribute("levels", List.of(org.duban.organisation.Level.values()));
        model.addAttribute("organisation", organisation);
        model.addAttribute("defaultCategory", templates.defaultTemplate().code());
        return "directive/issue";
    }

    private List<org.duban.directive.DirectiveTemplate> templatesList() {
        return templates.all();
    }

    /** The ledger's query string, for export links and paging; {@code page} -1 leaves the page out. */
    private static String query(LedgerParameters p, Integer page) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        add(builder, "status", p.status());
        add(builder, "light", p.light());
        add(builder, "department", p.department());
        add(builder, "category", p.category());
        add(builder, "leader", p.leader());
        add(builder, "from", p.from());
        add(builder, "to", p.to());
        add(builder, "q", p.q());
        add(builder, "under", p.under());
        add(builder, "level", p.level());
        add(builder, "sort", p.sort());
        add(builder, "order", p.order());
        if (p.size() != null) {
            builder.queryParam("size", p.size());
        }
        if (page == null && p.page() != null) {
            builder.queryParam("page", p.page());
        }
        String query = builder.build().getQuery();
        return query == null ? "" : query;
    }

    /** Encoded here, whole: a "+" in a search must come back as a "+", not as a space. */
    private static void add(UriComponentsBuilder builder, String name, String value) {
        if (value != null && !value.isBlank()) {
            builder.queryParam(name, UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B"));
        }
    }
}
