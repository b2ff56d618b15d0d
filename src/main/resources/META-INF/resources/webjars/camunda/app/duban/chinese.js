/*
 * Chinese for the parts of the Camunda 7.24 webapps that ignore the webapps' locale files:
 *
 * - Camunda Forms (form-js 1.x, bundled in lib/deps.js): validation messages, placeholders and
 *   the empty-list texts are hard-coded English, and Tasklist creates the form viewer without any
 *   option to change them. The date field's flatpickr picker shows English months and weekdays
 *   and takes its date format from the browser's locale (mm/dd/yyyy in an en-US browser).
 * - dmn-js (Cockpit's decision tables): "When", "And", "Hit policy:"… through a translate
 *   service that Cockpit offers no way to replace.
 * - The footer's time zone (an IANA name such as Asia/Shanghai) and bpmn-js's watermark title.
 * - AngularJS's built-in en-us date names (the follow-up and due date pickers, the date filter).
 *
 * A MutationObserver rewrites exactly these known strings, and only inside the widgets that
 * produce them (so no text a person typed is ever touched). Preact and Angular leave a rewritten
 * text node alone until they render a different value, which the observer then rewrites again.
 * The flatpickr picker gets a Chinese locale and the yyyy-MM-dd format through its own API.
 *
 * Loaded by every webapp through `customScripts` in its scripts/config.js.
 */

const EXACT = new Map([
  // form-js validation (Validator in @bpmn-io/form-js-viewer)
  ['Field is required.', '此项为必填项。'],
  ['Field must be a valid email.', '请输入有效的电子邮箱地址。'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)',
    '请输入有效的国际电话号码（如 +8637166666666）。'],
  ['Value is not a number.', '请输入数字。'],
  ['Value is expected to be an integer.', '请输入整数。'],
  ['Date and time must both be entered.', '日期和时间都须填写。'],
  // form-js fields
  ['Select', '请选择'],
  ['Search', '搜索'],
  ['No results', '无匹配项'],
  ['All values selected', '已全部选择'],
  ['Nothing to show.', '暂无内容。'],
  ['No content to show.', '暂无内容。'],
  ['Remove tag', '移除'],
  ['Remove item', '移除'],
  ['Skip to search', '跳至搜索'],
  ['Increment', '增加'],
  ['Decrement', '减少'],
  ['Previous page', '上一页'],
  ['Next page', '下一页'],
  ['Failed to render form', '表单无法显示'],
  ['No options source defined in the form definition', '表单未定义选项来源'],
  ['This is an image placeholder', '图片占位'],
  ['hh:mm', '时:分'],
  ['hh:mm ?m', '时:分'],
  ['Date', '日期'],
  ['Time', '时间'],
  ['Powered by bpmn.io', '技术支持：bpmn.io'],
  // dmn-js decision table viewer
  ['When', '当'],
  ['And', '且'],
  ['Then', '则'],
  ['Hit policy:', '命中策略：'],
  ['Annotations', '注释'],
  ['Annotation', '注释'],
  ['View DRD', '查看决策需求图'],
  // dmn-js literal expression viewer (单位绩效评分 is one)
  ['Variable name:', '变量名：'],
  ['Variable type:', '变量类型：'],
  ['Expression language:', '表达式语言：'],
  ['Variable name', '变量名'],
  ['Variable type', '变量类型'],
  ['Expression language', '表达式语言'],
  ['Unique', '唯一'],
  ['First', '首个'],
  ['Priority', '优先级'],
  ['Any', '任一'],
  ['Collect', '汇总'],
  ['Rule order', '规则顺序'],
  ['Output order', '输出顺序'],
  ['Collect (Sum)', '汇总（求和）'],
  ['Collect (Min)', '汇总（最小值）'],
  ['Collect (Max)', '汇总（最大值）'],
  ['Collect (Count)', '汇总（计数）'],
  ['Input values', '输入值'],
  ['Input type', '输入类型'],
  ['Output values', '输出值'],
  ['Output type', '输出类型'],
  ['Input', '输入'],
  ['Output', '输出'],
  ['Output label', '输出标签'],
  ['Output name', '输出名称'],
  ['No overlap is possible and all rules are disjoint. Only a single rule can be matched',
    '规则互不重叠，只能命中一条规则'],
  ['Rules may overlap. The first matching rule will be chosen', '规则可以重叠，取第一条命中的规则'],
  ['Rules may overlap. The one with the highest priority will be chosen', '规则可以重叠，取优先级最高的规则'],
  ['Rules may overlap. Their output have to match', '规则可以重叠，命中规则的输出须一致'],
  ['Collects the values of all matching rules', '汇总所有命中规则的值'],
  ['Collects the values of all matching rules in rule order', '按规则顺序汇总所有命中规则的值'],
  ['Collects the values of all matching rules in decreasing output priority order',
    '按输出优先级从高到低汇总所有命中规则的值'],
  ['Collects the values of all matching rules and sums up to a single value', '汇总所有命中规则的值并求和'],
  ['Collects the values of all matching rules and uses the highest value', '汇总所有命中规则的值并取最大值'],
  ['Collects the values of all matching rules and uses the lowest value', '汇总所有命中规则的值并取最小值'],
  ['Collects the values of all matching rules and counts the number of them', '汇总所有命中规则并计数'],
  // DMN type references (dmn-js) and variable types (the webapps' variable tables show the raw type)
  ['string', '字符串'],
  ['integer', '整数'],
  ['long', '长整数'],
  ['double', '小数'],
  ['boolean', '布尔值'],
  ['date', '日期'],
  ['number', '数字'],
  ['String', '字符串'],
  ['Boolean', '布尔型'],
  ['Integer', '整型'],
  ['Long', '长整型'],
  ['Short', '短整型'],
  ['Double', '双精度浮点型'],
  ['Object', '对象'],
  ['Bytes', '字节数组'],
  ['File', '文件'],
  ['Null', '空值'],
  ['Json', 'JSON'],
  ['Xml', 'XML'],
  // the webapps' own widgets: variable table header, an empty value, the diagram's zoom buttons
  ['Actions', '操作'],
  ['State', '状态'],
  ['Loading diagram', '正在加载流程图'],
  ['Toggle this section', '展开/收起此栏'],
  ['Suspended Job Definition', '已挂起的作业定义'],
  ['null', '无'],
  ['zoom in', '放大'],
  ['zoom out', '缩小'],
  ['reset zoom', '恢复默认大小'],
  // the webapps' own date and time pickers (angular-ui-bootstrap): screen-reader texts, placeholders
  ['previous', '上一页'],
  ['next', '下一页'],
  ['HH', '时'],
  ['MM', '分'],
  ['SS', '秒'],
  ['Increment hours', '增加小时'],
  ['Decrement hours', '减少小时'],
  ['Increment minutes', '增加分钟'],
  ['Decrement minutes', '减少分钟'],
  ['Increment seconds', '增加秒'],
  ['Decrement seconds', '减少秒'],
  ['AM', '上午'],
  ['PM', '下午'],
  // Cockpit's job definitions and jobs: the engine's job types and configurations
  ['async-continuation', '异步继续'],
  ['async-before', '异步（活动之前）'],
  ['async-after', '异步（活动之后）'],
  ['timer-transition', '定时器'],
  ['timer-intermediate-transition', '中间定时事件'],
  ['timer-start-event', '定时启动事件'],
  ['timer-start-event-subprocess', '事件子流程定时启动'],
  ['timer-task-listener', '任务定时监听器'],
  ['event', '事件'],
  ['message', '消息'],
  ['history-cleanup', '历史数据清理'],
  // Admin: group types, usage metric abbreviations
  ['SYSTEM', '系统'],
  ['WORKFLOW', '业务'],
  ['PI', '流程实例'],
  ['DI', '决策实例'],
  ['TU', '任务用户'],
  ['FNI', '流程节点实例'],
  ['EDE', '已执行的决策元素'],
  // the footer's time zone
  ['Asia/Shanghai', '北京时间'],
  ['Asia/Chongqing', '北京时间'],
  ['Asia/Harbin', '北京时间'],
  ['Asia/Urumqi', '乌鲁木齐时间'],
  ['Asia/Hong_Kong', '香港时间'],
  ['Asia/Macau', '澳门时间'],
  ['Asia/Taipei', '台北时间'],
  ['UTC', '协调世界时'],
  ['Etc/UTC', '协调世界时'],
]);

/** Admin's authorization table lists the engine's permission names as they are ("READ, UPDATE"). */
const PERMISSIONS = new Map([
  ['ALL', '全部'], ['NONE', '无'], ['ACCESS', '访问'], ['READ', '读取'], ['UPDATE', '更新'],
  ['CREATE', '创建'], ['DELETE', '删除'], ['READ_TASK', '读取任务'], ['UPDATE_TASK', '更新任务'],
  ['CREATE_INSTANCE', '创建实例'], ['READ_INSTANCE', '读取实例'], ['UPDATE_INSTANCE', '更新实例'],
  ['DELETE_INSTANCE', '删除实例'], ['READ_HISTORY', '读取历史'], ['DELETE_HISTORY', '删除历史'],
  ['UPDATE_HISTORY', '更新历史'], ['TASK_WORK', '办理任务'], ['TASK_ASSIGN', '指派任务'],
  ['MIGRATE_INSTANCE', '迁移实例'], ['RETRY_JOB', '重试作业'], ['SUSPEND', '挂起'],
  ['SUSPEND_INSTANCE', '挂起实例'], ['READ_VARIABLE', '读取变量'], ['UPDATE_VARIABLE', '更新变量'],
  ['READ_INSTANCE_VARIABLE', '读取实例变量'], ['UPDATE_INSTANCE_VARIABLE', '更新实例变量'],
  ['READ_TASK_VARIABLE', '读取任务变量'], ['UPDATE_TASK_VARIABLE', '更新任务变量'],
  ['READ_HISTORY_VARIABLE', '读取历史变量'], ['READ_HISTORY_CLEANUP_JOB', '读取历史清理作业'],
  ['CREATE_BATCH_MIGRATE_PROCESS_INSTANCES', '批量迁移流程实例'],
  ['CREATE_BATCH_MODIFY_PROCESS_INSTANCES', '批量修改流程实例'],
  ['CREATE_BATCH_RESTART_PROCESS_INSTANCES', '批量重启流程实例'],
  ['CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES', '批量删除运行中的流程实例'],
  ['CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES', '批量删除已结束的流程实例'],
  ['CREATE_BATCH_DELETE_DECISION_INSTANCES', '批量删除决策实例'],
  ['CREATE_BATCH_SET_JOB_RETRIES', '批量设置作业重试次数'],
  ['CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES', '批量设置外部任务重试次数'],
  ['CREATE_BATCH_UPDATE_PROCESS_INSTANCES_SUSPEND', '批量挂起流程实例'],
  ['CREATE_BATCH_SET_REMOVAL_TIME', '批量设置清除时间'],
  ['CREATE_BATCH_SET_VARIABLES', '批量设置变量'],
  ['CREATE_BATCH_MODIFY_PROCESS_INSTANCES_ASYNC', '异步批量修改流程实例'],
]);

function translatePermissions(text) {
  const names = text.trim().split(/\s*,\s*/);
  return names.length > 0 && names.every((name) => PERMISSIONS.has(name))
    ? text.replace(text.trim(), names.map((name) => PERMISSIONS.get(name)).join('、'))
    : null;
}

const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, '长度不能少于 $1 个字符。'],
  [/^Field must have maximum length of (\d+)\.$/, '长度不能超过 $1 个字符。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must match pattern .*\.$/s, '格式不正确。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多保留 $1 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    '请输入有效的值，最接近的两个有效值是 $1 和 $2。'],
  // the date field's placeholder, derived from the browser's locale (mm/dd/yyyy, yyyy/mm/dd, dd.mm.yyyy…)
  [/^(?=.*yyyy)[dmy]+[^dmy]+[dmy]+[^dmy]+[dmy]+$/, '年-月-日'],
  // Cockpit's timer job definitions: "DATE: ${reminderAt}"
  [/^DATE: (.*)$/s, '日期：$1'],
  [/^DURATION: (.*)$/s, '时长：$1'],
  [/^CYCLE: (.*)$/s, '周期：$1'],
  // dmn-js titles: "Input label: 质量" …
  [/^Input label: (.*)$/s, '输入标签：$1'],
  [/^Input expression: (.*)$/s, '输入表达式：$1'],
  [/^Output label: (.*)$/s, '输出标签：$1'],
  [/^Output name: (.*)$/s, '输出名称：$1'],
  [/^Decision name: (.*)$/s, '决策名称：$1'],
  // Tasklist's toast for a refused completion or start: the engine's English prefix with the task
  // or definition id and the field key, before the server's Chinese reason
  [/^Cannot submit task form [\w:.-]+: (?:[A-Za-z_][\w.]*[：:]\s*)?(.*)$/s, '$1'],
  [/^Cannot instantiate process definition [\w:.-]+: (?:[A-Za-z_][\w.]*[：:]\s*)?(.*)$/s, '$1'],
];

/**
 * Where these strings come from; nothing outside is touched. The maps are shared by all scopes:
 * a Chinese form or model never holds these exact English strings as its own text.
 */
const SCOPES = [
  '.fjs-container', '.flatpickr-calendar', '.tjs-container', '.dmn-decision-table-container',
  '.dmn-literal-expression-container',
  '.dmn-drd-container', '.decision-table-properties', '#footer-timezone', '.bjs-powered-by',
  '.notifications .message', '.null-value', '[cam-widget-variables-table] thead', 'td.col-type',
  '.navigation.zoom', '.navigation.reset', 'td.group-type', 'th.metric-header', 'td.permissions',
  '[uib-datepicker]', '[uib-timepicker]', '.uib-timepicker', '.uib-datepicker-popup', 'th.state',
  '.loading-text', '.tooltip-inner', 'td.type', 'td.configuration',
].join(',');

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

/**
 * Placeholders and tooltips the webapps' own templates hard-code in English, translated wherever
 * they appear (only as the whole value of a placeholder or title, never in text).
 */
const HARD_CODED_ATTRIBUTES = new Map([
  ['Select all', '全选'],
  ['zoom in', '放大'],
  ['zoom out', '缩小'],
  ['reset zoom', '恢复默认大小'],
  ['varName', '变量名'],
  // the Welcome app's profile form: an example person
  ['Jonny', '名'],
  ['Prosciutto', '姓'],
  ['j.prosciutto@acme.org', '电子邮箱地址'],
]);

export function translate(text, element) {
  const trimmed = text.trim();
  if (!trimmed) {
    return text;
  }
  if (element && element.closest('td.permissions')) {
    return translatePermissions(text) || text;
  }
  let chinese = EXACT.get(trimmed);
  if (chinese === undefined) {
    for (const [pattern, replacement] of PATTERNS) {
      if (pattern.test(trimmed)) {
        chinese = trimmed.replace(pattern, replacement);
        break;
      }
    }
  }
  return chinese === undefined || chinese === trimmed ? text : text.replace(trimmed, chinese);
}

function inScope(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest(SCOPES));
}

function translateText(node) {
  const chinese = translate(node.data, node.parentElement);
  if (chinese !== node.data) {
    node.data = chinese;
  }
}

function translateAttributes(element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) {
      const chinese = translate(value);
      if (chinese !== value) {
        element.setAttribute(name, chinese);
      }
    }
  }
}

function translateHardCodedAttributes(element) {
  for (const name of ATTRIBUTES) {
    const chinese = HARD_CODED_ATTRIBUTES.get(element.getAttribute(name));
    if (chinese) {
      element.setAttribute(name, chinese);
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.ELEMENT_NODE) {
    translateHardCodedAttributes(root);
    root.querySelectorAll('[placeholder],[title],[aria-label]').forEach(translateHardCodedAttributes);
  }
  if (root.nodeType === Node.TEXT_NODE) {
    if (inScope(root)) {
      translateText(root);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const scopes = root.closest(SCOPES) ? [root] : root.querySelectorAll(SCOPES);
  for (const scope of scopes) {
    translateAttributes(scope);
    scope.querySelectorAll('[placeholder],[title],[aria-label]').forEach(translateAttributes);
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      translateText(text);
    }
  }
}

/* ---------- the date picker (flatpickr inside form-js) ---------- */

const MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
const FLATPICKR_CHINESE = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  },
  months: { shorthand: MONTHS, longhand: MONTHS },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => '',
};

let flatpickrLocalized = false;

/** New pickers take the default locale; form-js creates its picker only when a form renders. */
function localizeFlatpickr() {
  if (!flatpickrLocalized && window.flatpickr && typeof window.flatpickr.localize === 'function') {
    window.flatpickr.localize(FLATPICKR_CHINESE);
    flatpickrLocalized = true;
  }
}

/**
 * form-js builds the picker's format from the browser's locale; ours is yyyy-MM-dd in every
 * browser. The value form-js submits is ISO (yyyy-MM-dd) in any case; only what is shown and
 * typed changes.
 */
function patchDatePickers(root) {
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  localizeFlatpickr();
  const inputs = root.matches('.fjs-datepicker input') ? [root] : root.querySelectorAll('.fjs-datepicker input');
  for (const input of inputs) {
    const picker = input._flatpickr;
    if (picker && input.dataset.dubanDate !== 'zh') {
      input.dataset.dubanDate = 'zh';
      picker.set({ locale: FLATPICKR_CHINESE, dateFormat: 'Y-m-d', ariaDateFormat: 'Y年n月j日' });
      input.setAttribute('placeholder', '年-月-日');
    }
  }
}

/* ---------- the webapps' own date pickers (AngularJS and angular-ui-bootstrap) ---------- */

const MONTH_NAMES = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];

/**
 * AngularJS ships with its en-us $locale only (the webapps load no angular-i18n), so the date
 * filter and the follow-up/due date pickers say "December 2026" and "Sun Mon". The date filter
 * reads $locale on every call: filling in Chinese names after start-up is enough.
 */
const ANGULAR_DATETIME_FORMATS = {
  MONTH: MONTH_NAMES,
  STANDALONEMONTH: MONTH_NAMES,
  SHORTMONTH: MONTHS,
  DAY: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  SHORTDAY: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  AMPMS: ['上午', '下午'],
  ERAS: ['公元前', '公元'],
  ERANAMES: ['公元前', '公元'],
  // 0 is Monday in AngularJS's locale data
  FIRSTDAYOFWEEK: 0,
  WEEKENDRANGE: [5, 6],
  fullDate: 'y年M月d日EEEE',
  longDate: 'y年M月d日',
  medium: 'y年M月d日 HH:mm:ss',
  mediumDate: 'y年M月d日',
  mediumTime: 'HH:mm:ss',
  short: 'y/M/d HH:mm',
  shortDate: 'y/M/d',
  shortTime: 'HH:mm',
};

let angularLocalized = false;

function localizeAngular() {
  const angular = window.angular;
  if (angularLocalized || !angular) {
    return;
  }
  const injector = angular.element(document.documentElement).injector() || angular.element(document.body).injector();
  if (!injector) {
    return;
  }
  const locale = injector.get('$locale');
  Object.assign(locale.DATETIME_FORMATS, ANGULAR_DATETIME_FORMATS);
  locale.id = 'zh-cn';
  if (injector.has('uibDatepickerConfig')) {
    Object.assign(injector.get('uibDatepickerConfig'), {
      formatDayTitle: 'yyyy年 MMMM',
      formatMonthTitle: 'yyyy年',
      formatDayHeader: 'EEE',
    });
  }
  angularLocalized = true;
}

/* ---------- the locale file, before the webapp starts ---------- */

/**
 * The webapps load their locale file asynchronously, and some of their controllers translate a
 * label once, when they are created (Tasklist's sorting menu and search box, for instance). On a
 * slow first visit they are created before the file has arrived and keep showing the label's key
 * ("CREATION_DATE"). The webapps' own loader answers from the copy it keeps in localStorage at
 * once, so the copy is put there before the webapp starts: the custom scripts are imported, and
 * this module's top-level await is waited for, before AngularJS is bootstrapped.
 */
async function preloadLocale() {
  const base = document.querySelector('base');
  const app = base && base.getAttribute('app-name');
  if (!app || !window.localStorage || !window.bust) {
    return;
  }
  const prefix = `${base.getAttribute('app-root')}/app/${app}/locales/`;
  // the key and format of the webapps' localeLoader
  const key = `${prefix}_locales_data_zh-CN_${window.bust}`;
  const store = JSON.parse(window.localStorage.getItem('camunda-web') || '{}');
  if (store[key]) {
    return;
  }
  const response = await fetch(`${prefix}zh-CN.json?bust=${encodeURIComponent(window.bust)}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (response.ok) {
    store[key] = JSON.stringify(await response.json());
    window.localStorage.setItem('camunda-web', JSON.stringify(store));
  }
}

/* ---------- wiring ---------- */

function onMutations(mutations) {
  let added = false;
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      if (inScope(mutation.target)) {
        translateText(mutation.target);
      }
    } else if (mutation.type === 'attributes') {
      translateHardCodedAttributes(mutation.target);
      if (inScope(mutation.target)) {
        translateAttributes(mutation.target);
      }
    } else {
      mutation.addedNodes.forEach((node) => translateTree(node));
      added = added || mutation.addedNodes.length > 0;
    }
  }
  if (added) {
    // the picker exists only after form-js's effect ran, i.e. after the field's nodes were added
    patchDatePickers(document.body);
    // the webapp bootstraps AngularJS after its custom scripts have loaded
    localizeAngular();
  }
}

function start() {
  translateTree(document.body);
  patchDatePickers(document.body);
  localizeAngular();
  new MutationObserver(onMutations).observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
  });
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

try {
  await preloadLocale();
} catch (e) {
  // the webapp's own loader still fetches the file; only the first render may show keys
}
