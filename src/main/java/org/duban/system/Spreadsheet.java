package org.duban.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table as people take it away: .csv in UTF-8 with a byte-order mark (so Excel shows Chinese) and
 * .xlsx. Cells are given as the page shows them; in .xlsx a column declared a number, a date or a
 * time becomes a typed cell (so people can sum, sort and filter), with a bold, frozen header row,
 * an autofilter and widths fitted to the content.
 */
public record Spreadsheet(String title, List<String> headers, List<List<String>> rows, List<Column> columns) {

    /** What a column holds; text unless declared. */
    public enum Column { TEXT, NUMBER, DATE, TIME }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm[:ss]");
    private static final int MAX_WIDTH = 60;

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public Spreadsheet {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }

    public static Spreadsheet of(String title, String[] headers, List<String[]> rows) {
        return new Spreadsheet(title, List.of(headers), rows.stream()
                .map(row -> Arrays.stream(row).map(cell -> cell == null ? "" : cell).toList()).toList(), List.of());
    }

    /** The same table with its columns' kinds, in order (columns beyond the list stay text). */
    public Spreadsheet typed(Column... kinds) {
        return new Spreadsheet(title, headers, rows, List.of(kinds));
    }

    public byte[] csv() {
        StringBuilder csv = new StringBuilder("\uFEFF").append(line(headers));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx() {
        // rows beyond the window go to a temporary file while the sheet is built, not to the heap
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(title);
            Styles styles = new Styles(workbook);
            int[] widths = new int[headers.size()];
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                org.apache.poi.ss.usermodel.Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(styles.header);
                widths[c] = width(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    write(row.createCell(c), cells.get(c), c < columns.size() ? columns.get(c) : Column.TEXT, styles);
                    if (c < widths.length) {
                        widths[c] = Math.max(widths[c], width(cells.get(c)));
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(MAX_WIDTH, widths[c] + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            if (!headers.isEmpty()) {
                sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, rows.size()), 0,
                        headers.size() - 1));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    /** The file as a download named {@code fileName}; the extension chooses the format. */
    public ResponseEntity<byte[]> download(String fileName) {
        boolean csv = fileName.endsWith(".csv");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(csv ? CSV : XLSX);
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build());
        return ResponseEntity.ok().headers(headers).body(csv ? csv() : xlsx());
    }

    /** The cell styles of one workbook (a workbook holds a limited number; never one per cell). */
    private static final class Styles {
        final org.apache.poi.ss.usermodel.CellStyle header;
        final org.apache.poi.ss.usermodel.CellStyle date;
        final org.apache.poi.ss.usermodel.CellStyle time;

        Styles(SXSSFWorkbook workbook) {
            org.apache.poi.ss.usermodel.Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            org.apache.poi.ss.usermodel.CreationHelper helper = workbook.getCreationHelper();
            date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            time = workbook.createCellStyle();
            time.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        }
    }

    /** A declared number, date or time becomes a typed cell; an empty or unreadable value stays as it was given. */
    private static void write(org.apache.poi.ss.usermodel.Cell cell, String value, Column kind, Styles styles) {
        if (value == null || value.isBlank() || kind == Column.TEXT) {
            cell.setCellValue(value == null ? "" : value);
            return;
        }
        try {
            switch (kind) {
                case NUMBER -> cell.setCellValue(new java.math.BigDecimal(value.strip()).doubleValue());
                case DATE -> {
                    cell.setCellValue(java.time.LocalDate.parse(value.strip()));
                    cell.setCellStyle(styles.date);
                }
                case TIME -> {
                    cell.setCellValue(java.time.LocalDateTime.parse(value.strip(), TIME));
                    cell.setCellStyle(styles.time);
                }
                default -> cell.setCellValue(value);
            }
        } catch (RuntimeException notOfItsKind) {
            cell.setCellValue(value);
        }
    }

    /** Characters as Excel counts column width: a Chinese character takes two. */
    private static int width(String text) {
        if (text == null) {
            return 0;
        }
        int width = 0;
        for (int i = 0; i < text.length() && width < MAX_WIDTH; i++) {
            width += text.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return width;
    }

    private static String line(List<String> cells) {
        return cells.stream().map(Spreadsheet::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quote(String value) {
        // a leading formula character would be executed by spreadsheet programs
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
