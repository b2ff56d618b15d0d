package org.duban.directive;

/** Turns the codes an event keeps into what people read: units and people by name, score components by label. */
public interface Names {

    String unit(String code);

    String person(String id);

    /** The Chinese label of a score component as department-score.dmn names its output column. */
    String scoreComponent(String key);
}
