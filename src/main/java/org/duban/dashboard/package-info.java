/**
 * The overview (一览无余): counts by light and status, overdue and due-soon lists and the chart
 * series, all read from the directive read model so that no page queries Camunda history.
 */
package org.duban.dashboard;
