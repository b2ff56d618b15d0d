package org.duban.organisation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organisation file's problems as an administrator reads them on the reload page: the reader's messages (English,
 * for the start-up log) turned into Chinese, one pattern per message of {@link OrganisationFileReader}.
 */
final class ProblemsInChinese {

    private static final Map<Pattern, String> MESSAGES = new LinkedHashMap<>();

    static {
        put(": code must be lower-case letters, digits and single hyphens$", "：代码只能由小写字母、数字和单个连字符组成");
        put(": duplicate code, declared twice$", "：代码重复");
        put(": name is missing$", "：缺少名称");
        put(": level is missing \\(allowed: (.+)\\)$", "：缺少层级（可选：$1）");
        put(": unknown level '(.*)' \\(allowed: (.+)\\)$", "：层级“$1”无效（可选：$2）");
        put(": mailbox '(.*)' is not a valid e-mail address$", "：邮箱“$1”格式不正确");
        put(": unknown parent '(.*)'$", "：上级单位“$1”不存在");
        put(": a unit of level (\\S+) needs a parent$", "：层级为 $1 的单位必须有上级单位");
        put(": level (\\S+) is not below its parent '(.*)' \\(level (\\S+)\\)$", "：层级 $1 不低于上级单位“$2”的层级 $3");
        put(": duties, when present, must list at least one duty$", "：列出职责时至少要有一条");
        put(": duty #(\\d+) is empty$", "：第 $1 条职责为空");
        put(": duty #(\\d+) is longer than (\\d+) characters$", "：第 $1 条职责超过 $2 个字");
        put(": parents form a cycle (.*)$", "：上下级关系成环（$1）");
        put(": id must be letters, digits, '\\.', '_' or '-'$", "：账号只能由字母、数字、“.”、“_”或“-”组成");
        put(": duplicate id, declared twice$", "：账号重复");
        put(": e-mail '(.*)' is not a valid e-mail address$", "：邮箱“$1”格式不正确");
        put(": has no department$", "：未指定所属单位");
        put(": unknown department '(.*)'$", "：所属单位“$1”不存在");
        put(": has no role \\(allowed: (.+)\\)$", "：未指定角色（可选：$1）");
        put(": unknown role '(.*)' \\(allowed: (.+)\\)$", "：角色“$1”无效（可选：$2）");
        put(": head '(.*)' is not a declared user$", "：负责人“$1”不在人员名单中");
    }

    private static final Pattern DEPARTMENT = Pattern.compile("^department '([^']*)'");
    private static final Pattern DEPARTMENT_NO = Pattern.compile("^department #(\\d+)");
    private static final Pattern USER = Pattern.compile("^user '([^']*)'");
    private static final Pattern USER_NO = Pattern.compile("^user #(\\d+)");

    private ProblemsInChinese() {
    }

    private static void put(String english, String chinese) {
        MESSAGES.put(Pattern.compile(english), chinese);
    }

    static String of(String problem) {
        if (problem.startsWith("not readable as YAML")) {
            return "不是有效的 YAML 内容，请检查缩进与冒号";
        }
        if (problem.equals("declares no departments")) {
            return "没有声明任何单位";
        }
        String subject = subject(problem);
        for (Map.Entry<Pattern, String> message : MESSAGES.entrySet()) {
            Matcher matcher = message.getKey().matcher(problem);
            if (matcher.find()) {
                // the pattern matches the message's tail (from ": "), which becomes the Chinese text
                return subject + message.getKey().matcher(matcher.group()).replaceFirst(message.getValue());
            }
        }
        return "组织内容有误（" + problem + "）";
    }

    private static String subject(String problem) {
        Matcher m;
        if ((m = DEPARTMENT.matcher(problem)).find()) {
            return "单位“" + m.group(1) + "”";
        }
        if ((m = DEPARTMENT_NO.matcher(problem)).find()) {
            return "第 " + m.group(1) + " 个单位";
        }
        if ((m = USER.matcher(problem)).find()) {
            return "人员“" + m.group(1) + "”";
        }
        if ((m = USER_NO.matcher(problem)).find()) {
            return "第 " + m.group(1) + " 个人员";
        }
        return "";
    }
}
