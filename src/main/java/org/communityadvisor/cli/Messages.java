package org.communityadvisor.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.Lang;

/**
 * Validation reasons in the consultant's language. The validator words its reasons in English (the Java API
 * returns them as they are); with {@code --lang zh} the command line shows them in Chinese. A reason with
 * no translation here is shown in English.
 */
final class Messages {
    private static final Map<Pattern, String> ZH = new LinkedHashMap<>();

    static {
        zh("unknown field '(.*)'; did you mean '(.*)'\\?", "未知字段 '$1';是不是 '$2'?");
        zh("unknown field '(.*)'; known fields: (.*)", "未知字段 '$1';可用字段:$2");
        zh("not a scenario field: unknown field '(.*)'; did you mean '(.*)'\\?", "不是场景文件的字段 '$1';是不是 '$2'?");
        zh("unknown value '(.*)'; expected one of: (.*)", "未知取值 '$1';应为以下之一:$2");
        zh("'(.*)' is not a date \\(yyyy-MM-dd, a real calendar day\\)", "'$1' 不是有效日期(yyyy-MM-dd,须是真实存在的日期)");
        zh("expected an integer(.*)", "应为整数$1");
        zh("expected a number(.*)", "应为数字$1");
        zh("expected true or false(.*)", "应为 true 或 false$1");
        zh("expected a string(.*)", "应为字符串$1");
        zh("expected a date string yyyy-MM-dd(.*)", "应为日期字符串 yyyy-MM-dd$1");
        zh("expected an array of rule ids", "应为规则编号数组");
        zh("expected an array(.*)", "应为数组$1");
        zh("expected an object, got null", "应为对象,却是 null");
        zh("expected an object holding the snapshot", "应为包含快照的对象");
        zh("expected an object(.*)", "应为对象$1");
        zh("number out of range(.*)", "数字超出范围$1");
        zh("duplicate field (.*)", "重复字段 $1");
        zh("not valid JSON: (.*)", "不是有效的 JSON:$1");
        zh("required field is missing", "缺少必填字段");
        zh("a count cannot be negative, got (.*)", "计数不能为负数,当前为 $1");
        zh("(.*) is larger than its whole (.*) = (.*)", "$1 大于其总数 $2 = $3");
        zh("asOf (.*) is before createdOn (.*)", "asOf $1 早于 createdOn $2");
        zh("unsupported schema version (.*); this advisor reads version 1", "不支持的 schemaVersion $1;本工具读取版本 1");
        zh("must be 1-128 characters of A-Z a-z 0-9 \\. _ -", "须为 1-128 个字符,只能用 A-Z a-z 0-9 . _ -");
        zh("longer than (.*) characters", "超过 $1 个字符");
        zh("must be a number of at least 0", "须为不小于 0 的数字");
        zh("null is not allowed here; expected one of: (.*)", "此处不能为 null;应为以下之一:$1");
        zh("must be at least (.*), got (.*)", "至少为 $1,当前为 $2");
        zh("has (.*) points; at most (.*) are allowed", "有 $1 个点;最多允许 $2 个");
        zh("(.*) does not come after the previous point's (.*); history must be oldest first, strictly increasing",
                "$1 不晚于前一个点的 $2;history 须按时间从早到晚严格递增");
        zh("(.*) is after asOf (.*)", "$1 晚于 asOf $2");
        zh("unknown catalog id '(.*)'; did you mean '(.*)'\\?", "未知规则编号 '$1';是不是 '$2'?");
        zh("unknown catalog id '(.*)'", "未知规则编号 '$1'");
        zh("the document has (.*) characters; at most (.*) \\(1 MiB\\) are read", "文档有 $1 个字符;最多读取 $2 个(1 MiB)");
        zh("empty input", "输入为空");
        zh("no such file or folder", "文件或文件夹不存在");
        zh("unknown stage '(.*)'", "未知阶段 '$1'");
    }

    private Messages() {
    }

    private static void zh(String english, String chinese) {
        ZH.put(Pattern.compile(english), chinese);
    }

    /** The reason in the given language (English when there is no translation). */
    static String reason(String english, Lang lang) {
        if (lang != Lang.ZH || english == null) {
            return english;
        }
        for (Map.Entry<Pattern, String> e : ZH.entrySet()) {
            Matcher m = e.getKey().matcher(english);
            if (m.matches()) {
                return m.replaceAll(e.getValue().replace("\\", "\\\\"));
            }
        }
        return english;
    }
}
