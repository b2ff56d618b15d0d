package org.duban.directive.internal;

import java.util.Optional;

import org.duban.organisation.Member;
import org.duban.organisation.Organisation;
import org.duban.organisation.Role;
import org.springframework.stereotype.Component;

/**
 * Who may issue a directive, by the organisation file: a leader, whose directive goes out at once, or the
 * supervision office, whose directive is a draft for a leader's 批示. One rule for the API and for a start in
 * Tasklist or through {@code /engine-rest}.
 */
@Component
class Issuers {

    private final Organisation organisation;

    Issuers(Organisation organisation) {
        this.organisation = organisation;
    }

    /** Empty when the person may not issue; otherwise whether their directive is a draft. */
    Optional<Boolean> draftFor(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        Member member = organisation.member(userId).orElse(null);
        if (member == null) {
            return Optional.empty();
        }
        if (member.has(Role.LEADER)) {
            return Optional.of(false);
        }
        return member.has(Role.SUPERVISOR) ? Optional.of(true) : Optional.empty();
    }
}
