package org.duban.directive.internal;

/** What a text a person wrote may contain to be kept on every database. */
public final class Texts {

    private Texts() {
    }

    /** No NUL (PostgreSQL cannot store it) and no lone surrogate (not a character, and not valid UTF-8). */
    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
