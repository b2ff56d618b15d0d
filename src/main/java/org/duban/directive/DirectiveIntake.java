package org.duban.directive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.system.CurrentUser;
import org.duban.system.FieldProblem;

/**
 * The door for directives that come from elsewhere than the Issue form (批量交办): the same validation and the same
 * issuing as {@code POST /api/directives}, so an imported directive is indistinguishable from a typed one.
 */
public interface DirectiveIntake {

    /** One directive to issue; codes and keys as {@code POST /api/directives} takes them. */
    record Item(String title, String instruction, String category, String priority, String leadDepartment,
            List<String> coDepartments, String deadline, String reportCycle) {

        public Item {
            coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        }
    }

    /** Empty when the person may not issue; otherwise whether what they issue is a draft for a leader. */
    Optional<Boolean> draftFor(String userId);

    /** What {@code POST /api/directives} would refuse about the item, by its field names; empty when it would pass. */
    List<FieldProblem> problems(Item item, String userId);

    /**
     * Issues the item as {@code user}; the key makes a repeat (a chunk run again) answer with the first directive.
     *
     * @return the directive's number
     */
    String issue(Item item, CurrentUser user, String idempotencyKey);

    /**
     * 批量批示: a leader's one decision on the office's drafts among {@code numbers} still awaiting it, taken on each
     * draft's own approval step. Refused (403) for anyone but a leader.
     *
     * @return the numbers decided
     */
    List<String> decideDrafts(Collection<String> numbers, CurrentUser leader, boolean approved, String comment);

    /** Of the given {@link #sameKey} values, those an open or closed (not refused or withdrawn) directive has, with its number. */
    Map<String, String> existing(Collection<String> sameKeys, LocalDate from, LocalDate to);

    /**
     * What makes two directives the same matter for an exact duplicate check: the title (width, spaces and case
     * folded), the lead unit and the deadline, hashed.
     */
    static String sameKey(String title, String leadDepartment, LocalDate deadline) {
        String folded = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\p{Z}]+", "").toLowerCase(java.util.Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((folded + "\u0000" + leadDepartment + "\u0000"
                    + deadline).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
