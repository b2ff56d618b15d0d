package org.duban.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The trail as a spreadsheet: .csv in UTF-8 with a BOM (so Excel shows Chinese) and .xlsx. */
@Component
class TrailExport {

    static final String[] HEADERS = {"时间", "来源", "事件", "事件代码", "操作人", "单位", "督办事项", "详情"};
    private static final java.util.Map<String, String> SOURCES = java.util.Map.of("DUBAN", "督办", "ENGINE", "流程引擎",
            "MAIL", "邮件通知");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    byte[] csv(List<TrailEntry> entries) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", HEADERS)).append("\r\n");
        for (TrailEntry e : entries) {
            csv.append(List.of(cells(e)).stream().map(TrailExport::quote).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(List<TrailEntry> entries) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("审计轨迹");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            for (int r = 0; r < entries.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] cells = cells(entries.get(r));
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] cells(TrailEntry e) {
        return new String[] {TIME.format(e.at()), SOURCES.getOrDefault(e.source(), e.source()), e.label(), e.type(),
                nullToEmpty(e.actor()), nullToEmpty(e.department()), nullToEmpty(e.directiveNumber()),
                e.details() == null || e.details().isEmpty() ? "" : e.details().toString()};
    }

    private static String quote(String value) {
        // a leading formula character would be executed by spreadsheet programs
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
