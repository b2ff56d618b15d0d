package org.duban.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the overview, the reports and the scorecards read from the directives' records, in figures and lines.
 * The directive module owns the tables and answers every question from its indexes; callers name units by code
 * (null or an empty collection: every unit where so documented) and get enums back, never SQL or strings.
 * Lights are as the one light rule gives them; {@link #ensureLightsCurrent()} brings the stored ones up to today.
 */
public interface DirectiveStatistics {

    /** Brings the stored lights up to today (at most once a day does any work) and answers the day they are of. */
    LocalDate ensureLightsCurrent();

    record StatusLightCount(DirectiveStatus status, Light light, long count) {}

    /** A directive with the earliest deadline among its parts of one light. */
    record DeadlineItem(String number, String title, String leadUnit, LocalDate deadline) {}

    /**
     * @param finished of the parts of this status and light, those finished between the given days
     */
    record UnitLightCount(String unit, PartStatus status, Light light, long count, long finished) {}

    /** Directives counted by status and stored light. */
    List<StatusLightCount> directivesByStatusAndLight();

    /** Directives in progress showing this light. */
    long directivesInProgress(Light light);

    /** Directives in which one of the units' parts shows this light. */
    long directivesWithPart(Collection<String> units, Light light);

    /**
     * The first {@code limit} directives by the earliest deadline among their parts of this light (of these units'
     * parts; every unit's when null).
     */
    List<DeadlineItem> earliestByPartLight(Light light, Collection<String> units, int limit);

    /**
     * Per unit (these units; every unit when empty) the parts that have a light (reached the unit, not withdrawn) per
     * status and light, and how many of them finished from..to: one pass over the unit-light index, from which the
     * overview takes its totals by status and light as well as its rows per unit.
     */
    List<UnitLightCount> unitLights(Collection<String> units, LocalDate from, LocalDate to);

    /** What a day count is about: the day directives reached their units, or the day they were closed. */
    enum Day { DISPATCHED, CLOSED }

    /**
     * Directives dispatched and closed per day from..to (of which these units take part in; every directive when
     * empty): {@code [dispatched, closed]} for each day with either, in one pass over the record.
     */
    Map<LocalDate, long[]> perDay(LocalDate from, LocalDate to, Collection<String> units);

    /** Directives that reached their units (a draft counts when approved and dispatched) or were closed from..to. */
    int count(Day day, LocalDate from, LocalDate to);

    /** One directive in a report's listing; {@code score} only for closed ones (an open score is not final). */
    record Line(String number, String title, String leadUnit, LocalDate deadline, BigDecimal score) {}

    /** The first {@code limit} such directives by number. */
    List<Line> list(Day day, LocalDate from, LocalDate to, int limit);

    /**
     * A part as it stood at the end of a past day, lit as on the day after: open (not yet accepted) parts of
     * directives dispatched by then and not closed or withdrawn by then.
     */
    record OpenPart(String number, String title, String leadUnit, String unit, LocalDate deadline, Light light) {}

    List<OpenPart> openPartsAsOf(LocalDate lastDay, LocalDate lightDay);

    record Range(LocalDate from, LocalDate to) {}

    /** What one unit's parts accepted in one period add up to. */
    record UnitResults(int handled, int onTime, int scored, BigDecimal scoreSum, int urges) {

        public static final UnitResults NONE = new UnitResults(0, 0, 0, BigDecimal.ZERO, 0);

        public UnitResults plus(UnitResults other) {
            return new UnitResults(handled + other.handled, onTime + other.onTime, scored + other.scored,
                    scoreSum.add(other.scoreSum), urges + other.urges);
        }
    }

    /** For each range (consecutive, in order) the results of every unit that finished something in it. */
    List<Map<String, UnitResults>> resultsByUnit(List<Range> ranges);

    /** What one unit went through in a period: urges received, returns for rework, extension requests. */
    record UnitPattern(String unit, int urges, int reworks, int extensions) {}

    /** Per unit, the urges, reworks and extension requests recorded from {@code from} to {@code to} (Beijing days). */
    List<UnitPattern> patterns(LocalDate from, LocalDate to);
}
