package org.duban.directive;

import java.math.BigDecimal;

/**
 * A department's score for one directive, with the DMN's weight for its role and the points of
 * each rule (JSON object) that explain it.
 */
public record DepartmentScore(BigDecimal score, BigDecimal weight, String componentsJson, Integer qualityRating) {}
