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

    ImportController(ImportTemplate template, ImportPreview preview, ConfirmImport confirm) {
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

    @Operation(summary = "查看导入及进度", description = "含已创建数 created 与应创建数 toCreate。")
    @GetMapping("/{id}")
    ImportView show(@PathVariable long id, Authentication authentication) {
        return confirm.show(id, CurrentUser.of(authentication));
    }

    @Operation(summary = "确认导入", description = "将全部可导入的行一次性交办（督查室导入为待领导批示的拟稿）。有错误行时须 skipInvalid=true 才跳过错误行导入，否则不创建任何事项。")
    @PostMapping("/{id}/confirmation")
    ImportView confirm(@PathVariable long id, @RequestParam(name = "skipInvalid", defaultValue = "false") boolean skipInvalid,
            Authentication authentication) {
        return confirm.confirm(id, skipInvalid, CurrentUser.of(authentication));
    }
}
