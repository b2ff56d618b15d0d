package org.duban.directive.internal;

/** A part with its directive: what every step of department-work reads before it writes. */
public record PartContext(DirectiveRow directive, PartRow part) {

    public String number() {
        return part.number();
    }

    public String unit() {
        return part.unit();
    }
}
