package org.duban.directive;

/** Turns the codes an event keeps into what people read: units and people by name, score components by label. */
public interface Names {

    String unit(String code);

    String person(String id);

    /** The Chinese label of a score component: the name of its decision in department-score.dmn. */
    String scoreComponent(String key);
}
