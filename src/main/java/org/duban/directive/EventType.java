package org.duban.directive;

/** What can happen to a directive; each kept in its timeline with time, actor and unit. */
public enum EventType {
    ISSUED("交办"),
    APPROVED("领导批示同意"),
    REFUSED("领导批示不同意"),
    DISPATCHED("一键直达各承办单位"),
    SIGNED("签收"),
    RETURNED("退回，申请改派"),
    REASSIGNED("改派"),
    REASSIGNMENT_REFUSED("不同意改派"),
    PROGRESS_REPORTED("进度反馈"),
    URGED("催办"),
    EXTENSION_REQUESTED("延期申请"),
    EXTENSION_APPROVED("同意延期"),
    EXTENSION_REFUSED("不同意延期"),
    SUBMITTED("办结申请"),
    ACCEPTED("审核通过"),
    RETURNED_FOR_REWORK("退回重办"),
    PASSED_DOWN("下派下级单位"),
    SUB_PART_WITHDRAWN("撤回下派"),
    TURNED_YELLOW("亮黄灯"),
    REMINDED("到期提醒"),
    TURNED_RED("亮红灯（逾期）"),
    ESCALATED("升级督办"),
    SCORED("评分"),
    CLOSED("办结归档"),
    WITHDRAWN("撤回"),
    /** The year's holiday schedule changed: the part's yellow period and next supervision moment were recomputed. */
    RESCHEDULED("按新工作日历重排督办时间"),
    /** Early warning (问题自动发现): the part was flagged at risk before turning red, with the reason. */
    RISK_FLAGGED("预警"),
    /** The office marked a risk flag handled, with a note. */
    RISK_HANDLED("预警已处理");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
