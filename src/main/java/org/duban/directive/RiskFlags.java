package org.duban.directive;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Open early-warning flags (风险预警, issue #17) for pages and reports outside the directive module: a part
 * flagged at risk before its light turns red, with the reason, until the office marks it handled.
 */
public interface RiskFlags {

    /** One open flag. {@code rule} is the rule's key, {@code ruleLabel} its name as people read it. */
    record RiskFlag(long id, String number, String title, String department, String departmentName, String rule,
            String ruleLabel, String reason, OffsetDateTime raisedAt) {
    }

    /** Open flags, newest first; of the given units only, or all when {@code departments} is null. */
    List<RiskFlag> open(Collection<String> departments);
}
