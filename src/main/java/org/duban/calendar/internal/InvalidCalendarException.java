package org.duban.calendar.internal;

/** A calendar file that would put deadlines on the wrong days; start-up stops on it. */
class InvalidCalendarException extends RuntimeException {

    InvalidCalendarException(String message) {
        super(message);
    }
}
