package org.duban.directive.internal;

import java.util.Collection;
import java.util.List;

import org.duban.directive.RiskFlags;
import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.springframework.stereotype.Component;

/** {@link RiskFlags} read from {@code risk_flag} with the directive's title and the unit's name. */
@Component
class RiskFlagQueries implements RiskFlags {

    private final RiskFlagStore flags;
    private final DirectiveStore directives;
    private final Organisation organisation;

    RiskFlagQueries(RiskFlagStore flags, DirectiveStore directives, Organisation organisation) {
        this.flags = flags;
        this.directives = directives;
        this.organisation = organisation;
    }

    @Override
    public List<RiskFlag> open(Collection<String> departments) {
        return flags.open().stream()
                .filter(f -> departments == null || departments.contains(f.unit()))
                .map(f -> new RiskFlag(f.id(), f.number(),
                        directives.find(f.number()).map(DirectiveRow::title).orElse(f.number()), f.unit(),
                        organisation.department(f.unit()).map(Department::name).orElse(f.unit()), f.rule(),
                        RiskRules.Rule.ofKey(f.rule()).map(RiskRules.Rule::label).orElse(f.rule()), f.reason(),
                        f.raisedAt()))
                .toList();
    }
}
