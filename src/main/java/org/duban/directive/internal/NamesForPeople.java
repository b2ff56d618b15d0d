package org.duban.directive.internal;

import org.duban.directive.Names;
import org.duban.organisation.Department;
import org.duban.organisation.Member;
import org.duban.organisation.Organisation;
import org.springframework.stereotype.Component;

/** Names from the organisation file and labels from the score decision, for every sentence Duban writes. */
@Component
class NamesForPeople implements Names {

    private final Organisation organisation;
    private final ScoreDecision score;

    NamesForPeople(Organisation organisation, ScoreDecision score) {
        this.organisation = organisation;
        this.score = score;
    }

    @Override
    public String unit(String code) {
        return code == null ? "" : organisation.department(code).map(Department::name).orElse(code);
    }

    @Override
    public String person(String id) {
        return id == null ? "" : organisation.member(id).map(Member::name).orElse(id);
    }

    @Override
    public String scoreComponent(String key) {
        return score.labels().getOrDefault(key, key);
    }
}
