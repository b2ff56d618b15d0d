package org.duban.report.internal;

import org.duban.organisation.Groups;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Reports name every department's overdue work and ranking, so they are for those who oversee all departments:
 * leaders, the supervision office, auditors (read only) and administrators. A department reads its own figures
 * and rank on the scorecard page. Only administrators regenerate a report.
 */
@Component
class ReportAccess {

    static boolean mayRead(CurrentUser user) {
        return user.seesEverything() || user.groups().contains(Groups.ADMINS);
    }

    static boolean mayRegenerate(CurrentUser user) {
        return user.groups().contains(Groups.ADMINS);
    }

    void requireReader(CurrentUser user) {
        if (!mayRead(user)) {
            throw ApiException.forbidden("督办报告汇总各单位情况，仅向领导、督查室、审计/纪检人员和管理员开放；"
                    + "本单位的考评与名次请见“考评”。");
        }
    }

    void requireAdministrator(CurrentUser user) {
        if (!mayRegenerate(user)) {
            throw ApiException.forbidden("只有管理员可以重新生成报告。");
        }
    }
}
