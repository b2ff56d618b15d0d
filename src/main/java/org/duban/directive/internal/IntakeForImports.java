package org.duban.directive.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.directive.DirectiveIntake;
import org.duban.directive.DirectiveStatus;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link DirectiveIntake} on top of {@link IssueDirective}: nothing of its own but the duplicate look-up. */
@Component
class IntakeForImports implements DirectiveIntake {

    private final IssueDirective issue;
    private final Issuers issuers;
    private final DirectiveRequestValidator validator;
    private final JdbcTemplate jdbc;
    private final DraftDecisions decisions;

    IntakeForImports(IssueDirective issue, Issuers issuers, DirectiveRequestValidator validator, JdbcTemplate jdbc,
            DraftDecisions decisions) {
        this.decisions = decisions;
        this.issue = issue;
        this.issuers = issuers;
        this.validator = validator;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Boolean> draftFor(String userId) {
        return issuers.draftFor(userId);
    }

    @Override
    public List<FieldProblem> problems(Item item, String userId) {
        try {
            validator.validate(request(item), userId, issuers.draftFor(userId).orElse(true));
            return List.of();
        } catch (InvalidRequestException e) {
            return e.problems();
        }
    }

    @Override
    public String issue(Item item, CurrentUser user, String idempotencyKey) {
        return issue.issue(request(item), user, idempotencyKey).number();
    }

    @Override
    public List<String> decideDrafts(Collection<String> numbers, CurrentUser leader, boolean approved, String comment) {
        if (!issuers.draftFor(leader.id()).map(draft -> !draft).orElse(false)) {
            throw ApiException.forbidden("只有领导可以批示督查室的拟稿。");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new InvalidRequestException("comment", "不同意交办时请填写理由（批示意见）");
        }
        return decisions.decide(numbers, leader, approved, comment);
    }

    @Override
    public Map<String, String> existing(Collection<String> sameKeys, LocalDate from, LocalDate to) {
        Set<String> wanted = new HashSet<>(sameKeys);
        Map<String, String> found = new HashMap<>();
        if (wanted.isEmpty() || from == null || to == null) {
            return found;
        }
        // few directives share a deadline window; the title is folded in Java by the same rule as the caller's
        jdbc.query("SELECT number, title, lead_department, deadline FROM directive WHERE deadline BETWEEN ? AND ? "
                + "AND status NOT IN (?, ?)", rs -> {
                    String key = DirectiveIntake.sameKey(rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class));
                    if (wanted.contains(key)) {
                        found.putIfAbsent(key, rs.getString(1));
                    }
                }, from, to, DirectiveStatus.REJECTED.name(), DirectiveStatus.CANCELLED.name());
        return found;
    }

    private static DirectiveRequest request(Item item) {
        return new DirectiveRequest(item.title(), item.instruction(), item.category(), item.priority(),
                item.leadDepartment(), item.coDepartments(), item.deadline(), item.reportCycle());
    }
}
