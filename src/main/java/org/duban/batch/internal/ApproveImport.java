package org.duban.batch.internal;

import java.util.List;
import java.util.Objects;

import org.duban.directive.DirectiveIntake;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 批量批示: a leader approves (or refuses, with the reason) every draft the office created by one import, in one
 * decision, taken on each draft's own approval step in chunks of {@link ConfirmImport#CHUNK}. Taken once: a repeat
 * answers with the decision already taken.
 */
@Service
class ApproveImport {

    private final ImportStore store;
    private final DirectiveIntake intake;
    private final TransactionTemplate transaction;

    ApproveImport(ImportStore store, DirectiveIntake intake, PlatformTransactionManager transactions) {
        this.store = store;
        this.intake = intake;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The office's imports whose drafts wait for a leader; leaders only. */
    List<ImportStore.Awaiting> awaiting(CurrentUser leader) {
        requireLeader(leader);
        return store.awaitingDecision();
    }

    private void requireLeader(CurrentUser leader) {
        if (!intake.draftFor(leader.id()).map(draft -> !draft).orElse(false)) {
            throw ApiException.forbidden("只有领导可以批示督查室的拟稿。");
        }
    }

    ImportView decide(long id, boolean approved, String comment, CurrentUser leader) {
        requireLeader(leader);
        ImportStore.Import stored = store.find(id).orElseThrow(() -> ApiException.notFound("导入记录 " + id + " 不存在。"));
        if (!stored.draft()) {
            throw ApiException.conflict("import-not-drafts", "本次导入由领导直接交办，没有待批示的拟稿。");
        }
        if (!stored.status().equals(ImportStore.CONFIRMED)) {
            throw ApiException.conflict("import-not-confirmed", "本次导入尚未确认完成，暂无可批示的拟稿。");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new org.duban.system.InvalidRequestException("comment", "不同意交办时请填写理由（批示意见）");
        }
        if (comment != null && comment.strip().length() > 2000) {
            throw new org.duban.system.InvalidRequestException("comment", "批示意见不能超过 2000 字");
        }
        if (!store.claimDecision(id, leader.id(), approved, comment == null ? null : comment.strip())) {
            return ImportView.of(store.find(id).orElseThrow(), store.rows(id), true);
        }
        List<String> numbers = store.rows(id).stream().map(CheckedRow::directiveNumber).filter(Objects::nonNull).toList();
        for (int from = 0; from < numbers.size(); from += ConfirmImport.CHUNK) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + ConfirmImport.CHUNK));
            transaction.executeWithoutResult(status -> store.decided(id,
                    intake.decideDrafts(chunk, leader, approved, comment).size()));
        }
        return ImportView.of(store.find(id).orElseThrow(), store.rows(id), false);
    }
}
