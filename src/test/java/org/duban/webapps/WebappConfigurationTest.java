package org.duban.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each webapp's scripts/config.js (ours replaces Camunda's as a whole) and user-styles.css, read
 * from the classpath as the webapps load them.
 */
class WebappConfigurationTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";

    /**
     * The webapps match the browser's first language ("en" of "en-US") against availableLocales and
     * fall back to fallbackLocale: with zh-CN alone every browser gets Chinese.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void offersChineseOnly(String app) throws IOException {
        String config = text(APPS + app + "/scripts/config.js");
        assertThat(config).containsPattern("availableLocales:\\s*\\['zh-CN'\\]")
                .containsPattern("fallbackLocale:\\s*'zh-CN'");
        assertThat(exists(APPS + app + "/locales/zh-CN.json")).isTrue();
    }

    /** Without app.name and app.vendor the header reads "Camunda Tasklist". */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void namesTheAppInChinese(String app) throws IOException {
        String config = text(APPS + app + "/scripts/config.js");
        assertThat(config).containsPattern("name:\\s*'[\\p{IsHan}]+'").containsPattern("vendor:\\s*'督办'")
                .containsPattern("disableWelcomeMessage:\\s*true");
    }

    /**
     * The "migrate to Camunda 8" banner: the stock header renders it with this class whatever the
     * configuration says, so our stylesheet must hide exactly that class.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void hidesTheCamunda8Banner(String app) throws IOException {
        String bundle = text(APPS + app + "/camunda-" + app + "-bootstrap.js");
        assertThat(bundle).as("the stock header's banner markup").contains("class=\"ce-eol-banner\"")
                .contains("isCommunityEdition=!0");
        assertThat(text(APPS + app + "/styles/user-styles.css"))
                .containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none\\s*!important;");
    }

    /** Every custom script a config names is where the webapp will import it from. */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void loadsItsCustomScripts(String app) throws IOException {
        String config = text(APPS + app + "/scripts/config.js");
        Matcher list = Pattern.compile("customScripts:\\s*\\[([^\\]]*)]").matcher(config);
        assertThat(list.find()).as(app + " names its custom scripts").isTrue();
        List<String> scripts = new ArrayList<>();
        Matcher each = Pattern.compile("'([^']+)'").matcher(list.group(1));
        while (each.find()) {
            scripts.add(each.group(1));
        }
        assertThat(scripts).isNotEmpty();
        for (String script : scripts) {
            // the webapp imports <app root>/app/<app>/<script>.js
            String path = java.nio.file.Path.of(APPS + app, script + ".js").normalize().toString().replace('\\', '/');
            assertThat(exists(path)).as(app + " imports " + path).isTrue();
        }
    }

    /** The Chinese for form-js and the date picker is shared by all webapps, Tasklist through its own script. */
    @Test
    void tasklistScriptImportsTheSharedChinese() throws IOException {
        String script = text(APPS + "tasklist/scripts/duban/tasklist.js");
        Matcher imported = Pattern.compile("import '([^']+)';").matcher(script);
        assertThat(imported.find()).isTrue();
        String path = java.nio.file.Path.of(APPS + "tasklist/scripts/duban", imported.group(1)).normalize().toString();
        assertThat(path).isEqualTo(APPS + "duban/chinese.js");
        assertThat(exists(path)).isTrue();
    }

    /** The two navbar actions stay hidden until the script has found that the person may use them. */
    @Test
    void tasklistHidesStartAndCreateUntilAllowed() throws IOException {
        String css = text(APPS + "tasklist/styles/user-styles.css");
        assertThat(css).contains("html:not(.duban-may-create-task) .create-task-action")
                .contains("html:not(.duban-may-start-process) .start-process-action");
        String script = text(APPS + "tasklist/scripts/duban/tasklist.js");
        assertThat(script).contains("duban-may-create-task").contains("duban-may-start-process");
    }

    private static boolean exists(String path) {
        return WebappConfigurationTest.class.getClassLoader().getResource(path) != null;
    }

    private static String text(String path) throws IOException {
        try (InputStream in = WebappConfigurationTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
