package org.duban.batch.internal;

import java.util.List;

/**
 * An import as the page and the API show it: counts, progress of the confirmation, file-level notes and every row.
 *
 * @param decidedBy the leader whose 批量批示 decided the drafts; null while they await it
 * @param replayed true when this answers a file already imported: nothing new was or will be created
 */
record ImportView(long id, String fileName, String status, boolean draft, int total, int valid, int invalid,
        int duplicate, int toCreate, int created, boolean replayed, List<String> warnings, List<CheckedRow> rows,
        String decidedBy, Boolean approved, int decided) {

    static ImportView of(ImportStore.Import stored, List<CheckedRow> rows, boolean replayed) {
        return new ImportView(stored.id(), stored.fileName(), stored.status(), stored.draft(), stored.total(),
                stored.valid(), stored.invalid(), stored.duplicate(), stored.toCreate(), stored.created(), replayed,
                stored.warnings() == null ? List.of() : stored.warnings(), rows, stored.decidedBy(), stored.approved(),
                stored.decided());
    }
}
