package org.duban.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.duban.calendar.CalendarYear;
import org.duban.calendar.WorkCalendar;

/** The 2026 working-day calendar read from the file the application ships, for unit tests of other modules. */
public final class ShippedCalendar {

    private ShippedCalendar() {
    }

    public static WorkCalendar of2026(Clock clock) {
        String file = "processes/calendars/2026.yaml";
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            CalendarYear year = new CalendarFileReader().read(file, in);
            return new WorkCalendar(Map.of(2026, year), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
