package org.duban.intake.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.duban.directive.DirectiveText;
import org.duban.directive.DirectiveTexts;
import org.springframework.stereotype.Component;

/**
 * Directives for the index, read through the directive module's {@link DirectiveTexts} (each table has one owner,
 * who alone names it in SQL; TableOwnershipTest).
 */
@Component
class DirectiveRows {

    private final DirectiveTexts texts;

    DirectiveRows(DirectiveTexts texts) {
        this.texts = texts;
    }

    record Batch(List<IndexedDirective> directives, OffsetDateTime latestIssue) {}

    /** Directives issued after {@code after} (another node's, or one whose event this node missed); all when null. */
    Batch issuedAfter(OffsetDateTime after) {
        List<DirectiveText> read = texts.issuedAfter(after);
        OffsetDateTime latest = read.stream().map(DirectiveText::issuedAt).max(OffsetDateTime::compareTo).orElse(after);
        return new Batch(read.stream().map(DirectiveRows::indexed).toList(), latest);
    }

    List<IndexedDirective> one(String number) {
        return texts.one(number).stream().map(DirectiveRows::indexed).toList();
    }

    private static IndexedDirective indexed(DirectiveText t) {
        return new IndexedDirective(t.number(), t.title(), t.instruction(), t.leadDepartment(), t.status(), t.issuedOn(),
                t.units(), t.dispatched());
    }
}
