/**
 * 批量交办: directives imported from a task breakdown (重点工作任务分解表, .xlsx) — a template to fill in, an upload
 * checked cell by cell into a preview that creates nothing, and a confirmation that issues every valid row through
 * the directive module's {@link org.duban.directive.DirectiveIntake}.
 */
package org.duban.batch;
