package org.duban.directive;

public enum DirectiveStatus {
    DRAFT, REJECTED, IN_PROGRESS, CLOSED, CANCELLED;

    public boolean isOpen() {
        return this == DRAFT || this == IN_PROGRESS;
    }
}
