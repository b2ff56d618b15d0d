package org.duban.directive.internal;

import java.time.LocalDate;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.Light;
import org.duban.directive.PartStatus;
import org.duban.directive.Priority;
import org.springframework.stereotype.Component;

/**
 * The one rule for lights and lateness, in working days. A part is late (red while open, done-late once
 * accepted) when a working day has begun after its deadline: a result handed in on the Saturday after a
 * Friday deadline is on time, and that part does not show red on the Saturday either. A result waiting for
 * review is judged by the day it was submitted, not by how long the review takes. Yellow from the template's
 * warning day. Every page, the API, the scorecards, the supervision timers and every report ask this class.
 */
@Component
public class LightRule {

    private final WorkCalendar calendar;
    private final DirectiveTemplates templates;

    LightRule(WorkCalendar calendar, DirectiveTemplates templates) {
        this.calendar = calendar;
        this.templates = templates;
    }

    /** Working days a submission on {@code day} is late; zero or less is on time. */
    public int lateDays(LocalDate deadline, LocalDate day) {
        return calendar.workingDaysBetween(deadline, day);
    }

    /** The first day on which an open part with this deadline shows red. */
    public LocalDate redFrom(LocalDate deadline) {
        return calendar.plusWorkingDays(deadline, 1);
    }

    /** The day from which a deadline shows yellow, by the directive's template and priority. */
    public LocalDate yellowFrom(String category, Priority priority, LocalDate deadline) {
        int before = templates.forCategory(category).offsets(priority).yellowBefore();
        return calendar.plusWorkingDays(deadline, -before);
    }

    /**
     * The light of a part on {@code day}.
     *
     * @param submittedOn the day of its last submission (null if none)
     * @param lateDays    as recorded at its last submission (null if none)
     * @return null for a cancelled part
     */
    public Light part(PartStatus status, LocalDate deadline, LocalDate yellowFrom, LocalDate submittedOn,
            Integer lateDays, LocalDate day) {
        return switch (status) {
            case CANCELLED -> null;
            case DONE -> late(deadline, submittedOn, lateDays) ? Light.DONE_LATE : Light.DONE;
            case UNDER_REVIEW -> submittedOn != null && submittedOn.isBefore(day)
                    ? open(deadline, yellowFrom, submittedOn) : open(deadline, yellowFrom, day);
            default -> open(deadline, yellowFrom, day);
        };
    }

    private boolean late(LocalDate deadline, LocalDate submittedOn, Integer lateDays) {
        if (lateDays != null) {
            return lateDays > 0;
        }
        return submittedOn != null && lateDays(deadline, submittedOn) > 0;
    }

    private Light open(LocalDate deadline, LocalDate yellowFrom, LocalDate day) {
        if (lateDays(deadline, day) > 0) {
            return Light.RED;
        }
        return yellowFrom != null && !day.isBefore(yellowFrom) ? Light.YELLOW : Light.GREEN;
    }
}
