package org.duban.scorecard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as the offices name it: an ISO week ({@code 2026-W48}, 周例会), a month ({@code 2026-11}, 月评比),
 * a quarter ({@code 2026-Q4}, 季讲评) or a year ({@code 2026}, 年考核). {@code from} and {@code to} are
 * both inclusive Beijing dates.
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { WEEK, MONTH, QUARTER, YEAR }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};
    /** Outside these years a period is a typing error rather than a question anyone asks. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;

    /** The period written as {@link #key()}; empty when the text names no period. */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        Matcher m;
        if ((m = WEEK.matcher(value)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            LocalDate fourthOfJanuary = LocalDate.of(year, 1, 4);
            long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(fourthOfJanuary).getMaximum();
            return sensible(year) && week >= 1 && week <= weeks
                    ? Optional.of(containing(Kind.WEEK, fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)))
                    : Optional.empty();
        }
        if ((m = MONTH.matcher(value)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            return sensible(year) && month >= 1 && month <= 12
                    ? Optional.of(containing(Kind.MONTH, LocalDate.of(year, month, 1))) : Optional.empty();
        }
        if ((m = QUARTER.matcher(value)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            return sensible(year) && quarter >= 1 && quarter <= 4
                    ? Optional.of(containing(Kind.QUARTER, LocalDate.of(year, quarter * 3 - 2, 1))) : Optional.empty();
        }
        if ((m = YEAR.matcher(value)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return sensible(year) ? Optional.of(containing(Kind.YEAR, LocalDate.of(year, 1, 1))) : Optional.empty();
        }
        return Optional.empty();
    }

    public static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case WEEK -> {
                LocalDate monday = day.with(DayOfWeek.MONDAY);
                yield new Period(kind, monday, monday.plusDays(6));
            }
            case MONTH -> new Period(kind, day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()));
            case QUARTER -> {
                LocalDate first = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
                yield new Period(kind, first, first.plusMonths(3).minusDays(1));
            }
            case YEAR -> new Period(kind, LocalDate.of(day.getYear(), 1, 1), LocalDate.of(day.getYear(), 12, 31));
        };
    }

    public String key() {
        return switch (kind) {
            case WEEK -> String.format("%d-W%02d", from.get(IsoFields.WEEK_BASED_YEAR),
                    from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", from.getYear(), from.getMonthValue());
            case QUARTER -> from.getYear() + "-Q" + quarter();
            case YEAR -> String.valueOf(from.getYear());
        };
    }

    /** How people write it: 2026年第48周, 2026年11月, 2026年第四季度, 2026年. */
    public String label() {
        return switch (kind) {
            case WEEK -> from.get(IsoFields.WEEK_BASED_YEAR) + "年第" + from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周";
            case MONTH -> from.getYear() + "年" + from.getMonthValue() + "月";
            case QUARTER -> from.getYear() + "年第" + QUARTER_NAMES[quarter() - 1] + "季度";
            case YEAR -> from.getYear() + "年";
        };
    }

    public Period previous() {
        return containing(kind, from.minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** This period and the {@code count - 1} before it, oldest first. */
    public List<Period> lastPeriods(int count) {
        List<Period> periods = new ArrayList<>();
        Period period = this;
        for (int i = 0; i < count; i++) {
            periods.add(0, period);
            period = period.previous();
        }
        return periods;
    }

    private int quarter() {
        return (from.getMonthValue() - 1) / 3 + 1;
    }

    private static boolean sensible(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
