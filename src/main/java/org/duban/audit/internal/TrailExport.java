package org.duban.audit.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.duban.system.Spreadsheet;
import org.springframework.stereotype.Component;

/** The trail as a spreadsheet, one row per entry as the audit page lists it. */
@Component
class TrailExport {

    static final String[] HEADERS = {"时间", "来源", "事件", "事件代码", "操作人", "单位", "督办事项", "详情"};
    private static final Map<String, String> SOURCES = Map.of("DUBAN", "督办", "ENGINE", "流程引擎", "MAIL", "邮件通知");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    Spreadsheet of(List<TrailEntry> entries) {
        return Spreadsheet.of("审计轨迹", HEADERS, entries.stream().map(TrailExport::cells).toList());
    }

    private static String[] cells(TrailEntry e) {
        return new String[] {TIME.format(e.at()), SOURCES.getOrDefault(e.source(), e.source()), e.label(), e.type(),
                e.actor(), e.department(), e.directiveNumber(),
                e.details() == null || e.details().isEmpty() ? "" : e.details().toString()};
    }
}
