/*
 * Duban's Tasklist configuration. This file replaces Tasklist's default scripts/config.js as a
 * whole: of the stock file's settings only the keyboard shortcuts are live, so they are kept here
 * (with Chinese descriptions, which the shortcut help shows as they are).
 *
 * Locale: Tasklist takes the first language of the browser ("en" of "en-US"), looks it up in
 * availableLocales and falls back to fallbackLocale. Offering zh-CN alone makes every browser
 * get Chinese, also one that asks for English: our users read Chinese.
 */
export default {
  // the header shows "<vendor> <name>", the page title too
  app: {
    name: '任务列表',
    vendor: '督办'
  },
  locales: {
    availableLocales: ['zh-CN'],
    fallbackLocale: 'zh-CN'
  },
  // the first-login message points to Camunda's English welcome tour
  disableWelcomeMessage: true,
  // Chinese for Camunda Forms (form-js has no locale of its own in 7.24), and the navbar's
  // 新建任务 / 发起流程 only for those who may use them: see scripts/duban/tasklist.js
  customScripts: ['scripts/duban/tasklist'],
  //
  // Note: the "migrate to Camunda 8" (Community Edition end-of-life) banner in the header has no
  // configuration flag in 7.24.0 - the header widget hard-codes `isCommunityEdition = true`.
  // styles/user-styles.css hides it.

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
