package org.duban.batch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.duban.directive.DirectiveIntake;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload: the file checked, its rows read and checked, duplicates marked, and the result kept as a preview. Nothing
 * else changes. A file whose bytes were imported before answers with that import.
 */
@Service
class ImportPreview {

    private final DirectiveIntake intake;
    private final FileCheck files;
    private final SheetReader reader;
    private final RowCheck check;
    private final Duplicates duplicates;
    private final ImportStore store;
    private final TransactionTemplate transaction;

    ImportPreview(DirectiveIntake intake, FileCheck files, SheetReader reader, RowCheck check, Duplicates duplicates,
            ImportStore store, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.intake = intake;
        this.files = files;
        this.reader = reader;
        this.check = check;
        this.duplicates = duplicates;
        this.store = store;
    }

    /** Reading and checking hold no transaction; only storing the preview does, so it is whole or absent. */
    ImportView upload(MultipartFile file, CurrentUser user) {
        boolean draft = mayImport(user);
        if (file == null) {
            throw FileCheck.refused("请选择要导入的 .xlsx 文件。");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.check(bytes);
        String sha = sha256(bytes);
        var earlier = store.confirmedWithSha(sha);
        if (earlier.isPresent()) {
            return ImportView.of(store.find(earlier.get()).orElseThrow(), store.rows(earlier.get()), true);
        }
        SheetReader.Content content = reader.read(bytes);
        List<CheckedRow> rows = new ArrayList<>(content.rows().size());
        for (RawRow raw : content.rows()) {
            rows.add(check.check(raw, user.id()));
        }
        rows = duplicates.mark(rows);
        List<String> warnings = new ArrayList<>();
        if (!content.formulaCells().isEmpty()) {
            List<String> cells = content.formulaCells();
            warnings.add("以下单元格含公式，已按文件中保存的计算结果读取（未重新计算）：" + String.join("、",
                    cells.subList(0, Math.min(cells.size(), 50))) + (cells.size() > 50 ? " 等 " + cells.size() + " 个" : ""));
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "导入文件.xlsx"
                : file.getOriginalFilename();
        String fileName = name.length() > 255 ? name.substring(0, 255) : name;
        List<CheckedRow> checked = rows;
        long id = transaction.execute(status -> store.insert(fileName, sha, user.id(), draft, checked, warnings));
        return ImportView.of(store.find(id).orElseThrow(), rows, false);
    }

    /** Leaders and the office; answers whether what they import becomes drafts. */
    boolean mayImport(CurrentUser user) {
        return intake.draftFor(user.id()).orElseThrow(() -> ApiException.forbidden("只有领导或督查室可以批量交办。"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
