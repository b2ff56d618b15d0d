package org.duban.intake.internal;

import org.duban.intake.UnitSuggestions;
import org.duban.organisation.Organisation;
import org.duban.organisation.OrganisationChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Suggested lead and co-units for a text (任务智能分派): the units' duties, and the leads of similar past
 * directives of any status and age (a closed directive still says who answers for the matter).
 */
@Component
public class DepartmentSuggestions {

    private final Organisation organisation;
    private final Similarity similarity;
    private volatile SuggestUnits suggest;

    DepartmentSuggestions(Organisation organisation, Similarity similarity) {
        this.organisation = organisation;
        this.suggest = new SuggestUnits(organisation.departments(), new DutyIndex(organisation.departments()));
        this.similarity = similarity;
    }

    /** The duties index follows the organisation in force, on every node. */
    @EventListener
    void on(OrganisationChanged changed) {
        this.suggest = new SuggestUnits(organisation.departments(), new DutyIndex(organisation.departments()));
    }

    public UnitSuggestions suggest(String title, String instruction) {
        String text = (title == null ? "" : title) + "\n" + (instruction == null ? "" : instruction);
        return suggest.suggest(text, similarity.similarTo(title, instruction, null, null, SuggestUnits.VOTE_THRESHOLD,
                SuggestUnits.VOTERS));
    }
}
