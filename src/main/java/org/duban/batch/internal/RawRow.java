package org.duban.batch.internal;

import java.util.Map;

/** One sheet row as read: the row number Excel shows, and each column's cell as text (dates as ISO dates). */
record RawRow(int sheetRow, Map<Column, String> cells, Map<Column, String> refs) {

    String cell(Column column) {
        String value = cells.get(column);
        return value == null ? "" : value;
    }

    /** The cell's address as Excel shows it, e.g. {@code G5}. */
    String ref(Column column) {
        return refs.getOrDefault(column, "");
    }
}
