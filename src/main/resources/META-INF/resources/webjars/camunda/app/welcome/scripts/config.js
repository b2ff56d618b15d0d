/*
 * Duban's configuration of Camunda's Welcome app (reached from "个人资料" in every webapp's
 * header). This file replaces the default scripts/config.js as a whole (the stock file only
 * holds comments, so no default is lost).
 *
 * Locale: the app takes the first language of the browser ("en" of "en-US"), looks it up in
 * availableLocales and falls back to fallbackLocale. Offering zh-CN alone makes every browser
 * get Chinese, also one that asks for English: our users read Chinese.
 */
export default {
  app: {
    name: '个人中心',
    vendor: '督办'
  },
  locales: {
    availableLocales: ['zh-CN'],
    fallbackLocale: 'zh-CN'
  },
  // no links to Camunda's English documentation
  links: [],
  disableWelcomeMessage: true,
  // Chinese for what ignores the locale files (form previews, decision tables, the time zone)
  customScripts: ['../duban/chinese'],
};
