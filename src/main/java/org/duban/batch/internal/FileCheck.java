package org.duban.batch.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Whether the bytes are an .xlsx workbook without macros, found from the content, never from the name: Tika's magic
 * says zip (or OOXML), then a walk through the zip, counting what it inflates so that a zip bomb stops early, finds
 * the workbook part and no VBA project.
 */
@Component
class FileCheck {

    static final long MAX_FILE = 10L * 1024 * 1024;
    static final long MAX_INFLATED = 100L * 1024 * 1024;
    static final int MAX_ENTRIES = 1000;

    private final Tika tika = new Tika();

    void check(byte[] bytes) {
        if (bytes.length == 0) {
            throw refused("文件为空，请选择填好的 .xlsx 文件。");
        }
        if (bytes.length > MAX_FILE) {
            throw refused("文件超过 10 MB，请拆分后分批导入。");
        }
        String type = tika.detect(bytes);
        if (type.equals("application/x-tika-msoffice") || type.equals("application/vnd.ms-excel")) {
            throw refused("这是旧版 Excel（.xls）、加密的 Excel 或其他 Office 97-2003 文件，请取消密码并在 Excel 中另存为 .xlsx 后再上传。");
        }
        if (!type.equals("application/zip") && !type.startsWith("application/x-tika-ooxml")
                && !type.startsWith("application/vnd.openxmlformats") && !type.startsWith("application/vnd.ms-excel.sheet")) {
            throw refused("文件不是 Excel 表格（.xlsx），按内容识别为 " + type + "；请下载模板填写后上传。");
        }
        walk(bytes);
    }

    private void walk(byte[] bytes) {
        boolean workbook = false;
        boolean word = false;
        String contentTypes = null;
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw refused("文件内部条目过多（超过 " + MAX_ENTRIES + " 个），不像是一张任务分解表。");
                }
                String name = entry.getName();
                if (name.toLowerCase(java.util.Locale.ROOT).endsWith("vbaproject.bin")) {
                    throw macros();
                }
                workbook |= name.equals("xl/workbook.xml");
                word |= name.equals("word/document.xml");
                ByteArrayOutputStream kept = name.equals("[Content_Types].xml") ? new ByteArrayOutputStream() : null;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    inflated += read;
                    if (inflated > MAX_INFLATED) {
                        throw refused("文件解压后超过 100 MB，可能是压缩炸弹，已拒绝。");
                    }
                    if (kept != null) {
                        kept.write(buffer, 0, read);
                    }
                }
                if (kept != null) {
                    contentTypes = kept.toString(StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("文件已损坏或不是 .xlsx 文件，无法打开。");
        }
        if (contentTypes != null && contentTypes.toLowerCase(java.util.Locale.ROOT).contains("macroenabled")) {
            throw macros();
        }
        if (word && !workbook) {
            throw refused("这是 Word 文档，不是 Excel 表格（.xlsx）。");
        }
        if (!workbook || contentTypes == null) {
            throw refused("文件不是 Excel 表格（.xlsx）：压缩包中没有工作簿，请下载模板填写后上传。");
        }
    }

    private static InvalidRequestException macros() {
        return refused("文件含有宏（.xlsm / VBA），为安全起见不予导入；请另存为不含宏的 .xlsx 后再上传。");
    }

    static InvalidRequestException refused(String message) {
        return new InvalidRequestException("file", message);
    }
}
