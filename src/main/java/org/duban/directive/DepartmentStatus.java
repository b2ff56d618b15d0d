package org.duban.directive;

public enum DepartmentStatus {
    TO_SIGN, HANDLING, EXTENSION_REQUESTED, UNDER_REVIEW, DONE, CANCELLED;

    /** Still the department's move: an urge makes sense (not while the office reviews its result). */
    public boolean isUrgeable() {
        return this == TO_SIGN || this == HANDLING || this == EXTENSION_REQUESTED;
    }
}
