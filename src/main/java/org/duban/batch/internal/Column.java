package org.duban.batch.internal;

import java.util.Arrays;
import java.util.Optional;

/** The template's columns, in order, with the header a person sees; the header is how a column is found. */
enum Column {
    TITLE("事项名称", true), INSTRUCTION("工作要求", true), CATEGORY("类别", false), PRIORITY("紧急程度", false),
    LEAD("牵头单位", true), CO("协办单位", false), DEADLINE("办结期限", true), CYCLE("反馈周期", false),
    LEADER("责任领导", false);

    private final String header;
    private final boolean required;

    Column(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    static Optional<Column> ofHeader(String text) {
        String wanted = text == null ? "" : text.replaceAll("[\\s*＊]", "");
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }
}
