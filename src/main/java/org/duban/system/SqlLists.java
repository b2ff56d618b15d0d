package org.duban.system;

import java.util.Collections;

/** The bind markers of an SQL {@code IN (…)} list: one {@code ?} per value, each value bound as itself. */
public final class SqlLists {

    private SqlLists() {
    }

    /** {@code ?, ?, ?} for three values. */
    public static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
