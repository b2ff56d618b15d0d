package org.duban.batch.internal;

import java.util.List;
import java.util.Map;

import org.duban.directive.DirectiveIntake;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmation: every valid row issued through {@link DirectiveIntake}, in chunks of {@link #CHUNK} rows, each chunk
 * one transaction whose rows and progress commit together, so the page can show created/total while it runs. A file
 * with errors creates nothing unless the person chose to skip them; a confirmed import answers with its result.
 * Each row's idempotency key is its import and row, so a chunk run twice issues nothing twice.
 */
@Service
class ConfirmImport {

    static final int CHUNK = 100;

    private final ImportStore store;
    private final ImportPreview preview;
    private final Duplicates duplicates;
    private final DirectiveIntake intake;
    private final TransactionTemplate transaction;

    ConfirmImport(ImportStore store, ImportPreview preview, Duplicates duplicates, DirectiveIntake intake,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.preview = preview;
        this.duplicates = duplicates;
        this.intake = intake;
        this.transaction = new TransactionTemplate(transactions);
    }

    ImportView confirm(long id, boolean skipInvalid, CurrentUser user) {
        preview.mayImport(user);
        ImportStore.Import stored = find(id, user);
        if (!stored.status().equals(ImportStore.PREVIEWED)) {
            // confirmed already, or being confirmed: the result so far, nothing new
            return ImportView.of(store.find(id).orElseThrow(), store.rows(id), true);
        }
        List<CheckedRow> rows = store.rows(id);
        List<CheckedRow> invalid = rows.stream().filter(r -> r.status().equals(CheckedRow.INVALID)).toList();
        if (!invalid.isEmpty() && !skipInvalid) {
            throw new ApiException(HttpStatus.CONFLICT, "import-has-errors", "导入文件有错误",
                    "本表有 " + invalid.size() + " 行存在错误（第 " + String.join("、", invalid.stream().limit(20)
                            .map(r -> String.valueOf(r.row())).toList()) + (invalid.size() > 20 ? " 等" : "")
                            + " 行），未创建任何督办事项。请修改后重新上传，或选择“跳过错误行”后确认导入。");
        }
        List<CheckedRow> toCreate = rows.stream().filter(r -> r.status().equals(CheckedRow.VALID)).toList();
        if (!store.claim(id, user.id(), toCreate.size())) {
            return ImportView.of(store.find(id).orElseThrow(), store.rows(id), true);
        }
        try {
            for (int from = 0; from < toCreate.size(); from += CHUNK) {
                List<CheckedRow> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + CHUNK));
                transaction.executeWithoutResult(status -> issue(id, chunk, user));
            }
        } catch (RuntimeException e) {
            // the chunks that committed stay created; confirming again issues the rest (row keys prevent repeats)
            store.release(id);
            throw e;
        }
        store.finished(id);
        return ImportView.of(store.find(id).orElseThrow(), store.rows(id), false);
    }

    /** The uploader sees their import; a leader also sees the office's, to decide its drafts at once. */
    ImportView show(long id, CurrentUser user, boolean withRows) {
        preview.mayImport(user);
        ImportStore.Import stored = store.find(id).orElseThrow(() -> ApiException.notFound("导入记录 " + id + " 不存在。"));
        if (!stored.uploadedBy().equals(user.id()) && !user.isLeader()) {
            throw ApiException.forbidden("只有上传人或领导可以查看本次导入。");
        }
        return ImportView.of(stored, withRows ? store.rows(id) : List.of(), false);
    }

    private void issue(long id, List<CheckedRow> chunk, CurrentUser user) {
        // a directive may have been issued since the preview: check the chunk's keys again
        Map<String, String> existing = duplicates.existing(chunk);
        List<CheckedRow> handled = new java.util.ArrayList<>(chunk.size());
        for (CheckedRow row : chunk) {
            if (existing.containsKey(row.sameKey())) {
                handled.add(row.withStatus(CheckedRow.DUPLICATE, "与已有督办事项 " + existing.get(row.sameKey())
                        + " 相同（事项名称、牵头单位、办结期限一致）", existing.get(row.sameKey())));
                continue;
            }
            DirectiveIntake.Item item = RowCheck.item(row);
            var problems = intake.problems(item, user.id());
            if (!problems.isEmpty()) {
                // e.g. the deadline came too close since the preview: the row is skipped with the reason
                handled.add(row.withProblems(problems.stream().map(p -> new CheckedRow.Problem("", "", p.message()))
                        .toList()));
                continue;
            }
            // no idempotency key needed: the row is marked created in the same transaction as its directive, so a
            // chunk run again (after a failure) finds it created and passes it by
            handled.add(row.created(intake.issue(item, user, null)));
        }
        store.update(id, handled);
    }

    private ImportStore.Import find(long id, CurrentUser user) {
        ImportStore.Import stored = store.find(id).orElseThrow(() -> ApiException.notFound("导入记录 " + id + " 不存在。"));
        if (!stored.uploadedBy().equals(user.id())) {
            throw ApiException.forbidden("只有上传该文件的人可以查看和确认本次导入。");
        }
        return stored;
    }
}
