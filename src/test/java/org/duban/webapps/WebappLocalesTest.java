package org.duban.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our zh-CN locale of each stock Camunda 7.24 webapp against the English locale in the webjar on
 * the classpath: exactly the same keys, the same interpolations and HTML, and Chinese text in
 * every value. A Camunda upgrade that adds or renames labels fails here, with the keys to
 * translate, before anyone sees an English word.
 */
class WebappLocalesTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {{ interpolation }}, the plain {} of two Cockpit labels, and a literal %. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\{\\{[^}]*}}|\\{}|%");
    /** Real HTML in labels (bound with ng-bind-html); "<null>" and the like are text to translate. */
    private static final Pattern TAG = Pattern.compile("</?(?:a|b|br|code|div|em|i|li|p|span|strong|ul)\\b[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&[a-z]+;|&#\\d+;");
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])");

    /** Names and formats that stay as they are in Chinese software too. */
    private static final Set<String> NAMES = Set.of(
            "Camunda", "BPMN", "DMN", "CMMN", "FEEL", "ID", "CSV", "JSON", "XML", "LDAP",
            // Camunda's analytics product, named in an authorization resource type
            "Optimize",
            // a key on the keyboard
            "Ctrl",
            "ms");

    /** Identifiers a person types as they are: the resource ids of the webapps in an authorization. */
    private static final Map<String, Set<String>> IDENTIFIERS_IN = Map.of(
            "AUTHORIZATION_COCKPIT_OR_TASKLIST", Set.of("cockpit", "tasklist"));

    /** Labels that are an English plural ending ("instance" + "s"): empty in Chinese. */
    private static final String PLURAL_ENDING = "s";

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseHasExactlyTheEnglishKeys(String app) throws IOException {
        JsonNode english = read(app, "en");
        JsonNode chinese = read(app, "zh-CN");

        assertThat(fieldNames(chinese)).as(app + ": top-level sections").isEqualTo(fieldNames(english));
        Set<String> missing = new TreeSet<>(fieldNames(english.get("labels")));
        missing.removeAll(fieldNames(chinese.get("labels")));
        Set<String> extra = new TreeSet<>(fieldNames(chinese.get("labels")));
        extra.removeAll(fieldNames(english.get("labels")));
        assertThat(missing).as(app + ": labels of Camunda 7.24 with no Chinese").isEmpty();
        assertThat(extra).as(app + ": Chinese labels Camunda 7.24 does not have").isEmpty();
        if (english.has("dateLocales")) {
            assertSameShape(app + ".dateLocales", english.get("dateLocales"), chinese.get("dateLocales"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyLabelKeepsItsInterpolationsAndHtml(String app) throws IOException {
        JsonNode english = read(app, "en").get("labels");
        JsonNode chinese = read(app, "zh-CN").get("labels");
        List<String> broken = new ArrayList<>();
        english.fields().forEachRemaining(label -> {
            String key = label.getKey();
            String en = label.getValue().asText();
            String zh = chinese.path(key).asText();
            if (!all(INTERPOLATION, en).equals(all(INTERPOLATION, zh)) || !all(TAG, en).equals(all(TAG, zh))
                    || !all(ENTITY, en).equals(all(ENTITY, zh))) {
                broken.add(key + ": " + en + "  →  " + zh);
            }
        });
        assertThat(broken).as(app + ": labels whose {{…}}, {}, %, entities or HTML differ from English").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyLabelIsChinese(String app) throws IOException {
        JsonNode english = read(app, "en").get("labels");
        JsonNode chinese = read(app, "zh-CN").get("labels");
        List<String> untranslated = new ArrayList<>();
        english.fields().forEachRemaining(label -> {
            String key = label.getKey();
            String en = label.getValue().asText();
            String zh = chinese.path(key).asText();
            String text = ENTITY.matcher(TAG.matcher(INTERPOLATION.matcher(zh).replaceAll(" ")).replaceAll(" "))
                    .replaceAll(" ");
            Set<String> allowed = IDENTIFIERS_IN.getOrDefault(key, Set.of());
            List<String> englishWords = all(LATIN_WORD, text).stream()
                    .filter(word -> !NAMES.contains(word) && !allowed.contains(word)).toList();
            boolean emptyByMistake = zh.isBlank() && !en.isBlank() && !en.equals(PLURAL_ENDING);
            if (!englishWords.isEmpty() || emptyByMistake) {
                untranslated.add(key + ": " + zh + (englishWords.isEmpty() ? "" : "  " + englishWords));
            }
        });
        assertThat(untranslated).as(app + ": labels with English words or no text").isEmpty();
    }

    /**
     * The allow-list must not hide a label left in English: a label equal to its English text
     * may only consist of names (CSV, JSON) or symbols (<, >=).
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void onlyNamesAndSymbolsStayAsInEnglish(String app) throws IOException {
        JsonNode english = read(app, "en").get("labels");
        JsonNode chinese = read(app, "zh-CN").get("labels");
        List<String> same = new ArrayList<>();
        english.fields().forEachRemaining(label -> {
            String en = label.getValue().asText();
            if (en.equals(chinese.path(label.getKey()).asText())
                    && !all(LATIN_WORD, en).stream().allMatch(NAMES::contains)) {
                same.add(label.getKey() + ": " + en);
            }
        });
        assertThat(same).as(app + ": labels identical to English").isEmpty();
    }

    private static JsonNode read(String app, String locale) throws IOException {
        String path = APPS + app + "/locales/" + locale + ".json";
        List<URL> found = Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path));
        assertThat(found).as(path + " on the classpath").hasSize(1);
        if (locale.equals("en")) {
            assertThat(found.get(0).toString()).as("English comes from Camunda's webjar").contains("camunda-webapp-webjar");
        }
        try (InputStream in = found.get(0).openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Camunda's en.json files start with a byte order mark
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertSameShape(String where, JsonNode english, JsonNode chinese) {
        assertThat(chinese).as(where).isNotNull();
        assertThat(chinese.getNodeType()).as(where).isEqualTo(english.getNodeType());
        if (english.isObject()) {
            assertThat(fieldNames(chinese)).as(where).isEqualTo(fieldNames(english));
            for (Iterator<String> names = english.fieldNames(); names.hasNext();) {
                String name = names.next();
                assertSameShape(where + "." + name, english.get(name), chinese.get(name));
            }
        } else if (english.isArray()) {
            assertThat(chinese.size()).as(where).isEqualTo(english.size());
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        Collections.sort(found);
        return found;
    }
}
