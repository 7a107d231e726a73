package org.discretion.rules.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.discretion.rules.tooling.Publisher;

/**
 * Writes published lists as an XLSX workbook, one sheet per list: the title (merged across the columns), the
 * 单位名称（盖章） line, the 附件2 header row and one row per item. Lives in the command line module so that Apache POI
 * stays out of rules-core (drools-notes.md).
 */
public final class XlsxWriter {
    private XlsxWriter() {
    }

    public static void write(List<Publisher.Table> tables, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle title = wb.createCellStyle();
            title.setFont(bold);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            border(header);
            header.setWrapText(true);
            CellStyle cell = wb.createCellStyle();
            border(cell);
            cell.setWrapText(true);
            cell.setVerticalAlignment(VerticalAlignment.TOP);
            for (Publisher.Table t : tables) {
                String name = sheetName(t, wb);
                Sheet s = wb.createSheet(name);
                int r = 0;
                Row tr = s.createRow(r++);
                tr.createCell(0).setCellValue(t.title());
                tr.getCell(0).setCellStyle(title);
                s.addMergedRegion(new CellRangeAddress(0, 0, 0, t.headers().size() - 1));
                if (!t.document().isEmpty()) s.createRow(r++).createCell(0).setCellValue(t.document());
                s.createRow(r++).createCell(0).setCellValue("单位名称（盖章）：" + (t.unit() == null ? "" : t.unit()));
                Row hr = s.createRow(r++);
                for (int c = 0; c < t.headers().size(); c++) {
                    hr.createCell(c).setCellValue(t.headers().get(c));
                    hr.getCell(c).setCellStyle(header);
                    s.setColumnWidth(c, c == 0 ? 6 * 256 : 28 * 256);
                }
                for (Publisher.Row row : t.rows()) {
                    Row xr = s.createRow(r++);
                    for (int c = 0; c < row.cells().size(); c++) {
                        xr.createCell(c).setCellValue(row.cells().get(c));
                        xr.getCell(c).setCellStyle(cell);
                    }
                }
            }
            wb.write(out);
        }
    }

    private static void border(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }

    /** Sheet names are limited to 31 characters and must be unique. */
    private static String sheetName(Publisher.Table t, XSSFWorkbook wb) {
        String base = t.list().title();
        String name = base;
        int n = 2;
        while (wb.getSheet(name) != null) name = base + n++;
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
