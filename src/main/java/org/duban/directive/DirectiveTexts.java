package org.duban.directive;

import java.time.OffsetDateTime;
import java.util.List;

/** Reads directives' texts in bulk, for an index kept outside the directive module. */
public interface DirectiveTexts {

    /** Every directive issued after {@code after} (all of them when null). */
    List<DirectiveText> issuedAfter(OffsetDateTime after);

    /** The directive, or an empty list when there is none. */
    List<DirectiveText> one(String number);
}
