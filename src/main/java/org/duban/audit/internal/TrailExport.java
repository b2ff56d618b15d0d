package org.duban.audit.internal;

import java.util.List;

import org.duban.system.BeijingTime;
import org.duban.system.Spreadsheet;
import org.springframework.stereotype.Component;

/** The trail as a spreadsheet, one row per entry as the audit page lists it. */
@Component
class TrailExport {

    static final String[] HEADERS = {"时间", "来源", "事件", "事件代码", "操作人", "单位", "督办事项", "详情"};

    private final BeijingTime time;

    TrailExport(BeijingTime time) {
        this.time = time;
    }

    Spreadsheet of(List<TrailEntry> entries) {
        return Spreadsheet.of("审计轨迹", HEADERS, entries.stream().map(this::cells).toList())
                .typed(Spreadsheet.Column.TIME);
    }

    private String[] cells(TrailEntry e) {
        return new String[] {time.seconds(e.at()), TrailFilter.SOURCES.getOrDefault(e.source(), e.source()), e.label(),
                e.type(), e.actorName(), e.departmentName(), e.directiveNumber(), e.text()};
    }
}
