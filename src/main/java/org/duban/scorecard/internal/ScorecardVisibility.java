package org.duban.scorecard.internal;

import java.util.Set;

import org.duban.organisation.Groups;
import org.duban.scorecard.Scorecard;
import org.duban.system.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Leaders, the office, auditors and administrators see every department; anyone else sees only the rows of
 * their own departments, with the rank each holds among all, and no city-wide totals.
 */
@Component
class ScorecardVisibility {

    Scorecard forViewer(Scorecard scorecard, CurrentUser user) {
        if (seesEveryDepartment(user)) {
            return scorecard;
        }
        Set<String> own = user.departments();
        return scorecard.withRows(scorecard.departments().stream().filter(row -> own.contains(row.department())).toList(),
                null);
    }

    static boolean seesEveryDepartment(CurrentUser user) {
        return user.seesEverything() || user.groups().contains(Groups.ADMINS);
    }
}
