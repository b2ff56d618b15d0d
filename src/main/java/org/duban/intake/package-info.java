/**
 * Directives in, intelligently (issue #17): duplicate detection (自动查重) against open and recent directives, and
 * suggested lead and co-units (任务智能分派) from the units' duties and from who led similar directives. Reads the
 * directive module's tables read-only; every node keeps its own in-memory index.
 */
@org.springframework.lang.NonNullApi
package org.duban.intake;
