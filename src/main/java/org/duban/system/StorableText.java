package org.duban.system;

/**
 * Text every database here can store as sent: no NUL character (PostgreSQL refuses it in text, which surfaced as a
 * 500) and no lone UTF-16 surrogate (which the JDBC drivers silently turn into '?').
 */
public final class StorableText {

    /** What a person is told about a field that breaks the rule. */
    public static final String MESSAGE = "包含无法保存的字符（空字符或残缺的 Unicode 字符），请删除后重试";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
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
