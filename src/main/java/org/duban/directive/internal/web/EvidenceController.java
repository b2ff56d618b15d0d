package org.duban.directive.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.duban.directive.EventDetails;
import org.duban.directive.internal.DirectiveAccess;
import org.duban.directive.internal.EvidenceCheck;
import org.duban.directive.internal.EvidenceStore;
import org.duban.directive.internal.ReportStep;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 佐证材料: a unit's report with its files, the files of a directive, and one file for preview or download. */
@Tag(name = "佐证材料")
@RestController
class EvidenceController {

    record Reported(String number, String unit, List<EventDetails.Evidence> files) {}

    /** A file as listed: who sent it with which step, and whether the browser can show it. */
    record Listed(long id, String unit, String name, String mediaType, long size, String sha256, String uploadedBy,
            java.time.OffsetDateTime uploadedAt, boolean previewable) {}

    private final DirectiveAccess access;
    private final ReportStep report;
    private final EvidenceStore store;

    EvidenceController(DirectiveAccess access, ReportStep report, EvidenceStore store) {
        this.access = access;
        this.report = report;
        this.store = store;
    }

    @Operation(summary = "报送进展或办结申请（可附佐证材料）", description = "承办单位（任一层级）完成本单位的“办理”一步：进度反馈或办结申请，"
            + "可附 PDF、图片、Word、Excel 文件，单个不超过 20 MB、每次不超过 10 个（可配置）。文件类型按内容检测，文件名仅作显示；"
            + "任一文件不合格则整步不保存。每个文件的 SHA-256 记入防篡改哈希链。")
    @PostMapping(path = "/api/directives/{number}/parts/{unit}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Reported report(@PathVariable String number, @PathVariable String unit,
            @Parameter(description = "progress 进度反馈；submit 办结申请") @RequestParam(required = false) String outcome,
            @Parameter(description = "进度情况或办理结果") @RequestParam(required = false) String text,
            @RequestPart(name = "files", required = false) List<MultipartFile> files, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        ReportStep.Kind kind = "submit".equals(outcome) ? ReportStep.Kind.SUBMIT
                : "progress".equals(outcome) ? ReportStep.Kind.PROGRESS : null;
        return new Reported(number, unit, report.report(number, unit, kind, text, files, user));
    }

    @Operation(summary = "督办事项的佐证材料", description = "按报送顺序列出；承办单位只能看到本单位及其下级单位的材料。")
    @GetMapping("/api/directives/{number}/evidence")
    List<Listed> list(@PathVariable String number, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        return store.visibleTo(number, user).stream()
                .map(f -> new Listed(f.id(), f.unit(), f.name(), f.mediaType(), f.size(), f.sha256(), f.uploadedBy(),
                        f.uploadedAt(), EvidenceCheck.PREVIEWABLE.contains(f.mediaType())))
                .toList();
    }

    @Operation(summary = "查看或下载一份佐证材料", description = "PDF 和图片在浏览器中直接显示，Word、Excel 下载。")
    @GetMapping("/api/evidence/{id}")
    void file(@PathVariable long id, Authentication authentication, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        EvidenceStore.StoredFile file = store.find(id).orElseThrow(() -> ApiException.notFound("佐证材料不存在。"));
        access.requireVisible(file.number(), user);
        if (!store.mayOpen(file, user)) {
            throw ApiException.forbidden("这份佐证材料不属于您所在的单位及其下级单位。");
        }
        boolean inline = EvidenceCheck.PREVIEWABLE.contains(file.mediaType());
        response.setContentType(file.mediaType());
        response.setContentLengthLong(file.size());
        response.setHeader("Content-Disposition", (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8).build().toString());
        // shown as what it is, in a sandbox of its own: a file can never script our pages
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; object-src 'self'");
        response.setHeader("Cache-Control", "private, max-age=300");
        store.read(id, in -> {
            try {
                in.transferTo(response.getOutputStream());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
