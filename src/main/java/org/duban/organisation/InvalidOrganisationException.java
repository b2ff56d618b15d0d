package org.duban.organisation;

import java.util.List;

/** The organisation file cannot be applied; every problem found is listed, each naming its entry. */
public class InvalidOrganisationException extends RuntimeException {

    private final List<String> problems;

    public InvalidOrganisationException(String file, List<String> problems) {
        super(file + " is invalid; nothing was applied:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
