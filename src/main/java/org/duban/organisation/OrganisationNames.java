package org.duban.organisation;

import org.springframework.stereotype.Component;

/** Names instead of codes on pages: {@code ${@organisationNames.department('kjj')}} gives 市科技局. */
@Component("organisationNames")
public class OrganisationNames {

    private final Organisation organisation;

    OrganisationNames(Organisation organisation) {
        this.organisation = organisation;
    }

    public String department(String code) {
        return code == null ? "" : organisation.department(code).map(Department::name).orElse(code);
    }

    public String person(String id) {
        return id == null ? "" : organisation.member(id).map(Member::name).orElse(id);
    }
}
