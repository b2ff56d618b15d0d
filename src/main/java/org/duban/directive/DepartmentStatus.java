package org.duban.directive;

public enum DepartmentStatus {
    TO_SIGN, HANDLING, EXTENSION_REQUESTED, UNDER_REVIEW, DONE, CANCELLED;

    public boolean isOpen() {
        return this != DONE && this != CANCELLED;
    }
}
