package org.duban.calendar.internal;

/**
 * A calendar file that would put deadlines on the wrong days. At start-up it stops the start (the
 * English message, naming the file, goes to the log); loaded on the admin page or the API it is
 * refused with {@link #chinese()}.
 */
class InvalidCalendarException extends RuntimeException {

    private final String chinese;

    InvalidCalendarException(String message, String chinese) {
        super(message);
        this.chinese = chinese;
    }

    String chinese() {
        return chinese;
    }
}
