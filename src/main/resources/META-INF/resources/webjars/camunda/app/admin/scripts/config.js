/*
 * Duban's Admin configuration. This file replaces Admin's default scripts/config.js as a whole
 * (the stock file only holds comments, so no default is lost).
 *
 * Locale: Admin takes the first language of the browser ("en" of "en-US"), looks it up in
 * availableLocales and falls back to fallbackLocale. Offering zh-CN alone makes every browser
 * get Chinese, also one that asks for English: our users read Chinese.
 */
export default {
  // the header shows "<vendor> <name>", the page title too
  app: {
    name: '系统管理',
    vendor: '督办'
  },
  locales: {
    availableLocales: ['zh-CN'],
    fallbackLocale: 'zh-CN'
  },
  // the first-login message points to Camunda's English welcome tour
  disableWelcomeMessage: true,
  // Chinese for what ignores the locale files (form previews, decision tables, the time zone)
  customScripts: ['../duban/chinese'],
  // Note: the Camunda 8 migration banner has no switch in 7.24.0 (the header widget hard-codes
  // isCommunityEdition = true); styles/user-styles.css hides it.
};
