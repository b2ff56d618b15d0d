package org.duban.directive;

/** Where one unit's part of a directive stands. */
public enum PartStatus {
    /** Delivered, not signed yet. */
    TO_SIGN,
    /** The unit returned it at signing as not its business (退回/申请改派); the office or parent unit decides. */
    RETURNED,
    HANDLING,
    EXTENSION_REQUESTED,
    UNDER_REVIEW,
    DONE,
    CANCELLED;

    /** Still the unit's move: an urge makes sense (not while its result or its return is being decided). */
    public boolean isUrgeable() {
        return this == TO_SIGN || this == HANDLING || this == EXTENSION_REQUESTED;
    }

    public boolean isOpen() {
        return this != DONE && this != CANCELLED;
    }
}
