package org.duban.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a unit stands in the city's tree (网格化): a city bureau or a district under the city, an office inside a
 * bureau, a street or town under a district, a community or village under a street, a grid under a community.
 * A unit's level is below its parent's ({@link #rank}).
 */
public enum Level {
    CITY_DEPARTMENT("city", "市直部门", 1),
    DISTRICT("district", "区县(市)", 1),
    OFFICE("office", "内设处室", 2),
    STREET("street", "街道/乡镇", 2),
    COMMUNITY("community", "社区/村", 3),
    GRID("grid", "网格", 4);

    private final String key;
    private final String label;
    private final int rank;

    Level(String key, String label, int rank) {
        this.key = key;
        this.label = label;
        this.rank = rank;
    }

    /** As written in organisation.yaml and the API. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** 1 directly under the city; each level below adds one. */
    public int rank() {
        return rank;
    }

    /** A district, street, community or grid: it answers for everything within its bounds, not for one field. */
    public boolean isTerritorial() {
        return this != CITY_DEPARTMENT && this != OFFICE;
    }

    public boolean isBelow(Level other) {
        return rank > other.rank;
    }

    public static Optional<Level> ofKey(String key) {
        return Arrays.stream(values()).filter(level -> level.key.equals(key)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Level::key).toList());
    }
}
