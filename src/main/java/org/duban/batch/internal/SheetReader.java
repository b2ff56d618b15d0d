package org.duban.batch.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Reads the task sheet of a workbook {@link FileCheck} let through: headers found by name, cells as text, Excel
 * dates as ISO dates. Formulas are never evaluated — their cached values are read and the cells named; merged
 * cells and more than {@link #MAX_ROWS} rows refuse the file.
 */
@Component
class SheetReader {

    static final int MAX_ROWS = 5000;

    /** What was read: the rows with any content, and the cells that held formulas. */
    record Content(List<RawRow> rows, List<String> formulaCells) {}

    static {
        // POI's own zip-bomb guards, in case FileCheck's walk is ever bypassed
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(FileCheck.MAX_INFLATED);
    }

    Content read(byte[] bytes) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = taskSheet(book);
            if (!sheet.getMergedRegions().isEmpty()) {
                throw FileCheck.refused("表格含有合并单元格（" + sheet.getMergedRegions().stream().limit(10)
                        .map(r -> r.formatAsString()).collect(Collectors.joining("、"))
                        + "），请取消合并、每行填写完整后再上传。");
            }
            Map<Column, Integer> columns = headers(sheet.getRow(sheet.getFirstRowNum()));
            List<RawRow> rows = new ArrayList<>();
            List<String> formulas = new ArrayList<>();
            DataFormatter formatter = new DataFormatter(java.util.Locale.CHINA);
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<Column, String> cells = new EnumMap<>(Column.class);
                Map<Column, String> refs = new EnumMap<>(Column.class);
                boolean any = false;
                for (Map.Entry<Column, Integer> column : columns.entrySet()) {
                    refs.put(column.getKey(), new CellReference(r, column.getValue()).formatAsString());
                    Cell cell = row.getCell(column.getValue());
                    if (cell == null) {
                        continue;
                    }
                    if (cell.getCellType() == CellType.FORMULA) {
                        formulas.add(cell.getAddress().formatAsString());
                    }
                    String text = text(cell, column.getKey() == Column.DEADLINE, formatter);
                    cells.put(column.getKey(), text);
                    any |= !text.isBlank();
                }
                if (any) {
                    rows.add(new RawRow(r + 1, cells, refs));
                    if (rows.size() > MAX_ROWS) {
                        throw tooMany(sheet.getLastRowNum());
                    }
                }
            }
            if (rows.isEmpty()) {
                throw FileCheck.refused("表格中没有任务行：请从第 2 行起每行填写一项任务。");
            }
            return new Content(rows, formulas);
        } catch (org.duban.system.InvalidRequestException refused) {
            throw refused;
        } catch (Exception | OutOfMemoryError e) {
            throw FileCheck.refused("无法打开该 Excel 文件（" + e.getClass().getSimpleName() + "），请用 Excel 另存为 .xlsx 后再上传。");
        }
    }

    private static org.duban.system.InvalidRequestException tooMany(int last) {
        return FileCheck.refused("一次最多导入 " + MAX_ROWS + " 行任务，本表约有 " + last + " 行；请拆分为多个文件。");
    }

    private static Sheet taskSheet(XSSFWorkbook book) {
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            if (!book.getSheetName(i).equals(ImportTemplate.HELP_SHEET)) {
                return book.getSheetAt(i);
            }
        }
        throw FileCheck.refused("工作簿中没有任务分解表。");
    }

    private static Map<Column, Integer> headers(Row header) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        if (header != null) {
            for (Cell cell : header) {
                if (cell.getCellType() == CellType.STRING) {
                    Column.ofHeader(cell.getStringCellValue()).ifPresent(c -> found.putIfAbsent(c, cell.getColumnIndex()));
                }
            }
        }
        List<String> missing = java.util.Arrays.stream(Column.values()).filter(c -> c.required() && !found.containsKey(c))
                .map(Column::header).toList();
        if (!missing.isEmpty()) {
            throw FileCheck.refused("第 1 行缺少表头：" + String.join("、", missing) + "；请使用下载的模板，不要修改表头。");
        }
        return found;
    }

    /** The cell as text; a formula by its cached value, never evaluated. */
    private static String text(Cell cell, boolean date, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                if (date || DateUtil.isCellDateFormatted(cell)) {
                    if (!DateUtil.isValidExcelDate(value)) {
                        yield BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
                    }
                    LocalDateTime at = DateUtil.getLocalDateTime(value);
                    yield at.toLocalDate().toString();
                }
                yield BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
            case ERROR -> "#错误";
            default -> cell.getCellType() == CellType.FORMULA ? "" : formatter.formatCellValue(cell).strip();
        };
    }
}
