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
 * .xlsx. Cells are text exactly as the page shows them.
 */
public record Spreadsheet(String title, List<String> headers, List<List<String>> rows) {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public Spreadsheet {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    public static Spreadsheet of(String title, String[] headers, List<String[]> rows) {
        return new Spreadsheet(title, List.of(headers), rows.stream()
                .map(row -> Arrays.stream(row).map(cell -> cell == null ? "" : cell).toList()).toList());
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
            write(sheet.createRow(0), headers);
            for (int r = 0; r < rows.size(); r++) {
                write(sheet.createRow(r + 1), rows.get(r));
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

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c));
        }
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
