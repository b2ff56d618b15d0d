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

    private final org.duban.organisation.Organisation organisation;

    ScorecardVisibility(org.duban.organisation.Organisation organisation) {
        this.organisation = organisation;
    }

    Scorecard forViewer(Scorecard scorecard, CurrentUser user) {
        if (seesEveryDepartment(user)) {
            return scorecard;
        }
        // a unit sees its own rows and those of the units below it (a district its streets), never a sibling's
        Set<String> own = new java.util.HashSet<>();
        user.departments().forEach(code -> own.addAll(organisation.subtree(code)));
        own.addAll(user.departments());
        return scorecard.withRows(scorecard.departments().stream().filter(row -> own.contains(row.department())).toList(),
                null);
    }

    static boolean seesEveryDepartment(CurrentUser user) {
        return user.seesEverything() || user.groups().contains(Groups.ADMINS);
    }
}
