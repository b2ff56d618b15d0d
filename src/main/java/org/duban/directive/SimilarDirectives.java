package org.duban.directive;

import java.util.List;

import org.duban.system.CurrentUser;

/**
 * Finds the directives a new text repeats. Declared here and implemented by the intake module, so that the answer
 * to {@code POST /api/directives} can list them without the directive module depending on intake (which reads
 * the directive module's tables and events).
 */
public interface SimilarDirectives {

    /**
     * The open directives and those issued in the last year that {@code user} may see, most similar first.
     *
     * @param excluded a directive never to list (the one just issued); may be null
     */
    List<SimilarDirective> similarTo(String title, String instruction, CurrentUser user, String excluded);
}
