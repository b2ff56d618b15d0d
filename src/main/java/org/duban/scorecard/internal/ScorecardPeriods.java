package org.duban.scorecard.internal;

import org.duban.calendar.WorkCalendar;
import org.duban.scorecard.Period;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/** Reads the period people ask for; without one, the current month. */
@Component
class ScorecardPeriods {

    static final String PARAMETER = "period";
    static final String FORMAT_HINT = "考评期间应写作 2026-11（月度）、2026-Q4（季度）或 2026（年度），也可按周写作 2026-W48";

    private final WorkCalendar calendar;

    ScorecardPeriods(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    Period resolve(String text) {
        if (text == null || text.isBlank()) {
            return currentMonth();
        }
        return Period.parse(text).orElseThrow(() -> new InvalidRequestException(PARAMETER, FORMAT_HINT));
    }

    Period currentMonth() {
        return Period.containing(Period.Kind.MONTH, calendar.today());
    }
}
