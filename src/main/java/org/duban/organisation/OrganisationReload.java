package org.duban.organisation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Changing the organisation without a restart (for the administrators' page and API): preview a new
 * {@code organisation.yaml}, apply exactly what was previewed, read the versions' history.
 */
public interface OrganisationReload {

    /** What a preview shows, and the content's fingerprint the apply must repeat. */
    record Preview(OrganisationChanges changes, String sha256, String summary) {}

    /** One version in the history (without its content). */
    record Version(long id, String loadedBy, String fileName, OffsetDateTime loadedAt, String summary) {}

    /** The content is not a valid organisation; every problem in Chinese (at most 20). */
    final class Refused extends RuntimeException {

        private final List<String> problems;

        public Refused(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The content to apply is not what was previewed (or nothing was). */
    final class NotPreviewed extends RuntimeException {

        public NotPreviewed(String message) {
            super(message);
        }
    }

    /** What {@code content} would change; nothing is changed. */
    Preview preview(String content);

    /** Puts {@code content} in force, provided its SHA-256 is {@code previewedSha256}. */
    Preview apply(String content, String previewedSha256, String admin);

    List<Version> history(int limit);

    /** The version in force on this node. */
    long version();
}
