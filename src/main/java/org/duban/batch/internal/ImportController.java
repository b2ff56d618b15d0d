package org.duban.batch.internal;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.duban.system.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "批量交办", description = "下载模板、上传任务分解表预览、确认导入")
@RestController
@RequestMapping("/api/imports")
class ImportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportTemplate template;
    private final ImportPreview preview;
    private final ConfirmImport confirm;
    private final ApproveImport approve;

    ImportController(ImportTemplate template, ImportPreview preview, ConfirmImport confirm, ApproveImport approve) {
        this.approve = approve;
        this.template = template;
        this.preview = preview;
        this.confirm = confirm;
    }

    @Operation(summary = "下载导入模板", description = "重点工作任务分解表模板，第二个工作表“填写说明”列出可填写的类别、紧急程度、反馈周期、单位和领导。")
    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("重点工作任务分解表模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(template.build());
    }

    @Operation(summary = "上传任务分解表（预览）", description = "逐行逐格校验并解析单位、计算距办结期限的工作日、标出重复；不创建任何事项。"
            + "已导入过的同一文件返回当时的导入结果。")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportView upload(@RequestParam(name = "file", required = false) MultipartFile file, Authentication authentication) {
        return preview.upload(file, CurrentUser.of(authentication));
    }

    @Operation(summary = "待批量批示的导入", description = "督查室已导入、尚待领导批示的各批拟稿；仅领导可查看。")
    @GetMapping(params = "awaiting=approval")
    java.util.List<ImportStore.Awaiting> awaiting(Authentication authentication) {
        return approve.awaiting(CurrentUser.of(authentication));
    }

    @Operation(summary = "查看导入及进度", description = "含已创建数 created 与应创建数 toCreate；rows=false 时不含各行（供进度条轮询）。")
    @GetMapping("/{id}")
    ImportView show(@PathVariable long id, @RequestParam(name = "rows", defaultValue = "true") boolean rows,
            Authentication authentication) {
        return confirm.show(id, CurrentUser.of(authentication), rows);
    }

    @Operation(summary = "确认导入", description = "将全部可导入的行一次性交办（督查室导入为待领导批示的拟稿）。有错误行时须 skipInvalid=true 才跳过错误行导入，否则不创建任何事项。")
    @PostMapping("/{id}/confirmation")
    ImportView confirm(@PathVariable long id, @RequestParam(name = "skipInvalid", defaultValue = "false") boolean skipInvalid,
            Authentication authentication) {
        return confirm.confirm(id, skipInvalid, CurrentUser.of(authentication));
    }

    /** 批量批示的请求：同意或不同意（须填理由）。 */
    record Decision(Boolean approved, String comment) {}

    @Operation(summary = "批量批示", description = "领导对督查室一次导入的全部拟稿作出同一批示，逐件登记在各事项的领导批示环节；只批示一次。")
    @PostMapping(path = "/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportView approve(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody Decision decision,
            Authentication authentication) {
        if (decision == null || decision.approved() == null) {
            throw new org.duban.system.InvalidRequestException("approved", "请选择是否同意交办");
        }
        return approve.decide(id, decision.approved(), decision.comment(), CurrentUser.of(authentication));
    }
}
