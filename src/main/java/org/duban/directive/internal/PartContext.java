package org.duban.directive.internal;

/** A part with its directive: what every step of department-work reads before it writes. */
public record PartContext(DirectiveRow directive, PartRow part) {

    public String number() {
        return part.number();
    }

    public String unit() {
        return part.unit();
    }

    /** How often the unit reports: as it was passed down to it, else as the directive asks. */
    public org.duban.directive.ReportCycle reportCycle() {
        return part.reportCycle() == null ? directive.reportCycle()
                : org.duban.directive.ReportCycle.ofKey(part.reportCycle()).orElse(directive.reportCycle());
    }

    /** What the unit is to do: what the unit above asked of it, else the directive's instruction. */
    public String instruction() {
        return part.instruction() == null ? directive.instruction() : part.instruction();
    }
}
