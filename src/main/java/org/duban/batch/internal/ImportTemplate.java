package org.duban.batch.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.directive.DirectiveTemplate;
import org.duban.directive.Priority;
import org.duban.organisation.Department;
import org.duban.organisation.Member;
import org.springframework.stereotype.Component;

/**
 * The template to fill in (重点工作任务分解表): the nine headers, an example row, drop-downs for the columns with few
 * values, and a second sheet 填写说明 listing every valid value — units by name and code, leaders by name.
 */
@Component
class ImportTemplate {

    static final String DATA_SHEET = "任务分解表";
    static final String HELP_SHEET = "填写说明";
    /** Drop-downs reach this far; the upload takes at most {@link SheetReader#MAX_ROWS} rows. */
    private static final int LAST_ROW = SheetReader.MAX_ROWS;

    private final Choices choices;

    ImportTemplate(Choices choices) {
        this.choices = choices;
    }

    byte[] build() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = book.createSheet(DATA_SHEET);
            Sheet help = book.createSheet(HELP_SHEET);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = data.createRow(0);
            for (Column column : Column.values()) {
                Cell cell = header.createCell(column.ordinal());
                cell.setCellValue(column.header());
                cell.setCellStyle(bold);
                data.setColumnWidth(column.ordinal(), (column == Column.INSTRUCTION ? 40 : 16) * 256);
            }
            data.createFreezePane(0, 1);
            int[] unitRows = help(help, bold);
            dropDown(data, Column.CATEGORY, choices.categories().stream().map(DirectiveTemplate::name).toList());
            dropDown(data, Column.PRIORITY, List.of(Priority.values()).stream().map(Priority::label).toList());
            dropDown(data, Column.CYCLE, List.copyOf(Choices.CYCLE_LABELS.values()));
            // units are too many for an inline list: the drop-down points at the help sheet's name column
            DataValidationHelper helper = data.getDataValidationHelper();
            DataValidation units = helper.createValidation(helper.createFormulaListConstraint("'" + HELP_SHEET + "'!$B$"
                    + (unitRows[0] + 1) + ":$B$" + unitRows[1]), new CellRangeAddressList(1, LAST_ROW, Column.LEAD.ordinal(),
                    Column.LEAD.ordinal()));
            units.setShowErrorBox(false);
            data.addValidationData(units);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the help sheet; answers where its unit list starts (0-based) and ends (1-based). */
    private int[] help(Sheet help, CellStyle bold) {
        int at = 0;
        at = line(help, at, bold, "填写说明");
        at = line(help, at, null, "第一行为表头，请勿修改；每行一项任务，最多 " + SheetReader.MAX_ROWS + " 行。不要合并单元格，不要使用宏。");
        at = line(help, at, null, "必填：事项名称（不超过 100 字）、工作要求、牵头单位、办结期限。");
        at = line(help, at, null, "办结期限须为今后的工作日，可填 Excel 日期或文字：2026-12-31、2026/12/31、2026年12月31日。");
        at = line(help, at, null, "牵头单位、协办单位填单位名称或代码；多个协办单位用顿号、逗号或分号分隔。");
        at = line(help, at, null, "类别不填为“" + choices.defaultCategory().name() + "”，紧急程度不填为“一般”，反馈周期不填为“不需定期反馈”。");
        at++;
        at = line(help, at, bold, "类别", "代码");
        for (DirectiveTemplate t : choices.categories()) {
            at = line(help, at, null, t.name(), t.code());
        }
        at++;
        at = line(help, at, bold, "紧急程度");
        for (Priority p : Priority.values()) {
            at = line(help, at, null, p.label());
        }
        at++;
        at = line(help, at, bold, "反馈周期");
        for (String cycle : Choices.CYCLE_LABELS.values()) {
            at = line(help, at, null, cycle);
        }
        at++;
        at = line(help, at, bold, "责任领导", "登录名");
        for (Member leader : choices.leaders()) {
            at = line(help, at, null, leader.name(), leader.id());
        }
        at++;
        at = line(help, at, bold, "单位层级", "单位名称", "单位代码");
        int unitsFrom = at;
        for (Department unit : choices.units()) {
            at = line(help, at, null, unit.level().label(), unit.name(), unit.code());
        }
        help.setColumnWidth(0, 60 * 256);
        help.setColumnWidth(1, 24 * 256);
        help.setColumnWidth(2, 24 * 256);
        return new int[] {unitsFrom, at};
    }

    private static int line(Sheet sheet, int at, CellStyle style, String... values) {
        Row row = sheet.createRow(at);
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(values[i]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
        return at + 1;
    }

    private static void dropDown(Sheet sheet, Column column, List<String> values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(1, LAST_ROW, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }
}
