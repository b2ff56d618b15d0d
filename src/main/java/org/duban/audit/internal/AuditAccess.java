package org.duban.audit.internal;

import org.duban.organisation.Groups;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.stereotype.Component;

/** The audit views are for auditors (审计/纪检) and administrators. */
@Component
class AuditAccess {

    void requireAuditor(CurrentUser user) {
        if (!user.groups().contains(Groups.AUDITORS) && !user.groups().contains(Groups.ADMINS)) {
            throw ApiException.forbidden("审计查询仅对审计/纪检人员开放。");
        }
    }
}
