package org.communityadvisor;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message catalog: every sentence the advisor says about its input (validation reasons) and the few the
 * command line prints about a run, in English and Chinese side by side. A template's placeholders are
 * {@code {0}}, {@code {1}}, ...; both languages of an entry use the same ones (a test checks it). An argument
 * that is itself a {@link Message} (or a {@link Text}) is rendered in the same language; anything else is
 * shown as {@link String#valueOf(Object)} (no number grouping, dates as yyyy-MM-dd).
 *
 * <p>To add a message: add an entry here with both templates and create the error with it
 * ({@link ValidationError#of(String, Message, Object...)}); never build a reason by concatenating English.
 */
public enum Message {
    // --- reading the JSON document ---
    DOCUMENT_TOO_LARGE("the document has {0} characters; at most {1} (1 MiB) are read",
            "文档有 {0} 个字符;最多读取 {1} 个(1 MiB)"),
    EMPTY_INPUT("empty input", "输入为空"),
    NOT_VALID_JSON("not valid JSON: {0}", "不是有效的 JSON:{0}"),
    NOT_VALID_JSON_AT("not valid JSON: {0} (line {1}, column {2})", "不是有效的 JSON:{0}(第 {1} 行,第 {2} 列)"),
    DUPLICATE_FIELD("duplicate field {0}", "重复字段 {0}"),
    /** Jackson's own wording of a mapping failure the reader does not know better. */
    CANNOT_MAP("{0}", "无法读取该值:{0}"),
    UNREADABLE("unreadable: {0}", "无法读取:{0}"),
    NUMBER_OUT_OF_RANGE("number out of range: {0}", "数字超出范围:{0}"),
    NUMBER_OUT_OF_RANGE_FOR_INTEGER("number out of range for an integer", "数字超出整数范围"),
    TEXT_TOO_LONG("text too long: {0} characters, at most {1}", "文字过长:{0} 个字符,最多 {1} 个"),
    COMMENTS_NOT_ALLOWED("comments are not allowed in JSON (line {0}, column {1})", "JSON 中不允许注释(第 {0} 行,第 {1} 列)"),
    UNKNOWN_FIELD_DID_YOU_MEAN("unknown field '{0}'; did you mean '{1}'?", "未知字段 '{0}';是不是 '{1}'?"),
    UNKNOWN_FIELD("unknown field '{0}'; known fields: {1}", "未知字段 '{0}';可用字段:{1}"),
    UNKNOWN_VALUE("unknown value '{0}'; expected one of: {1}", "未知取值 '{0}';应为以下之一:{1}"),
    NOT_A_DATE("'{0}' is not a date (yyyy-MM-dd, a real calendar day)", "'{0}' 不是有效日期(yyyy-MM-dd,须是真实存在的日期)"),
    /** {0} is one of the TYPE_ entries. */
    EXPECTED("expected {0}", "应为{0}"),
    EXPECTED_GOT("expected {0}, got {1}", "应为{0},却是 {1}"),
    EXPECTED_FOUND_NOTHING("expected {0}, found nothing", "应为{0},却什么也没有"),
    TYPE_INTEGER("an integer", "整数"),
    TYPE_NUMBER("a number", "数字"),
    TYPE_BOOLEAN("true or false", " true 或 false"),
    TYPE_STRING("a string", "字符串"),
    TYPE_DATE("a date string yyyy-MM-dd", "日期字符串 yyyy-MM-dd"),
    TYPE_ONE_OF("one of: {0}", "以下之一:{0}"),
    TYPE_ARRAY("an array", "数组"),
    TYPE_OBJECT("an object", "对象"),
    TYPE_OTHER("another type", "其他类型"),
    EXPECTED_SNAPSHOT_OBJECT("expected an object holding the snapshot", "应为包含快照的对象"),
    EXPECTED_OBJECT_GOT_NULL("expected an object, got null", "应为对象,却是 null"),

    // --- the snapshot's contract ---
    REQUIRED_FIELD_MISSING("required field is missing", "缺少必填字段"),
    UNSUPPORTED_SCHEMA_VERSION("unsupported schema version {0}; this advisor reads version {1}",
            "不支持的 schemaVersion {0};本工具读取版本 {1}"),
    COUNT_NEGATIVE("a count cannot be negative, got {0}", "计数不能为负数,当前为 {0}"),
    AT_LEAST("must be at least {0}, got {1}", "至少为 {0},当前为 {1}"),
    PART_LARGER_THAN_WHOLE("{0} is larger than its whole {1} = {2}", "{0} 大于其总数 {1} = {2}"),
    NUMBER_AT_LEAST("must be a number of at least {0}", "须为不小于 {0} 的数字"),
    /** {0} is a pattern in words: a PATTERN_ entry, or the model's own English words when the catalog has none. */
    MUST_BE("must be {0}", "须为 {0}"),
    MUST_MATCH("must be of the form {0}", "须符合格式 {0}"),
    PATTERN_ID("1-128 characters of A-Z a-z 0-9 . _ -", "1-128 个字符,只能用 A-Z a-z 0-9 . _ -"),
    LONGER_THAN("longer than {0} characters", "超过 {0} 个字符"),
    TOO_MANY_POINTS("has {0} points; at most {1} are allowed", "有 {0} 个点;最多允许 {1} 个"),
    NULL_NOT_ALLOWED("null is not allowed here; expected one of: {0}", "此处不能为 null;应为以下之一:{0}"),
    DATE_OUT_OF_RANGE("{0} is outside the dates the advisor reads, {1} to {2}; is the year mistyped?",
            "{0} 超出可读取的日期范围({1} 至 {2});年份是否输错了?"),
    ASOF_BEFORE_CREATED("{0} is before createdOn {1}", "{0} 早于 createdOn {1}"),
    HISTORY_NOT_INCREASING("{0} does not come after the previous point's {1}; history must be oldest first, strictly increasing",
            "{0} 不晚于前一个点的 {1};history 须按时间从早到晚严格递增"),
    HISTORY_AFTER_ASOF("{0} is after asOf {1}", "{0} 晚于 asOf {1}"),
    UNKNOWN_CATALOG_ID("unknown catalog id '{0}'", "未知规则编号 '{0}'"),
    UNKNOWN_CATALOG_ID_DID_YOU_MEAN("unknown catalog id '{0}'; did you mean '{1}'?", "未知规则编号 '{0}';是不是 '{1}'?"),

    // --- scenario files ---
    SCENARIO_NOT_OBJECT("a scenario is an object with a \"snapshot\"", "场景文件应为包含 \"snapshot\" 的对象"),
    EXPECTED_NAMED_VARIANTS("expected an object of named variants", "应为由命名变体组成的对象"),
    EXPECTED_VARIANT_PATCH("expected an object with a \"patch\" (a JSON merge patch on the snapshot)",
            "应为包含 \"patch\"(对快照的 JSON merge patch)的对象"),
    EXPECTED_ID_PAIR("expected a pair [before, after] of ids", "应为一对规则编号 [在前, 在后]"),
    EXPECTED_ID_ARRAY("expected an array of rule ids", "应为规则编号数组"),
    UNKNOWN_STAGE("unknown stage '{0}'", "未知阶段 '{0}'"),

    // --- the command line ---
    NO_SUCH_FILE("no such file or folder", "文件或文件夹不存在"),
    CANNOT_READ("cannot read: {0}", "无法读取:{0}"),
    CANNOT_LIST_FOLDER("cannot list the folder: {0}", "无法列出文件夹:{0}"),
    /** An input the command line could not read, in words the catalog does not hold. */
    UNREADABLE_INPUT("{0}", "无法读取输入:{0}"),
    TOP_NEGATIVE("advisor: --top must be 0 or a positive number, got {0}", "advisor: --top 必须是 0 或正整数,收到 {0}"),
    BATCH_SUMMARY("{0} advised, {1} refused", "已给出建议 {0} 个,拒绝 {1} 个");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final String en;
    private final String zh;

    Message(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    /** A message with its arguments, to be rendered later in either language. Immutable. */
    public record Text(Message message, List<Object> args) {
        public Text {
            java.util.Objects.requireNonNull(message, "message");
            args = freeze(args);
        }

        public static Text of(Message message, Object... args) {
            return new Text(message, java.util.Arrays.asList(args));
        }

        public String render(Lang lang) {
            return message.render(lang, args);
        }
    }

    /** The template in the given language, placeholders unfilled. */
    public String template(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }

    /** The placeholder numbers the template of the given language uses. */
    public Set<Integer> placeholders(Lang lang) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template(lang));
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /** The text in the given language with the arguments filled in. */
    public String render(Lang lang, List<?> args) {
        String template = template(lang == null ? Lang.EN : lang);
        StringBuilder out = new StringBuilder(template.length() + 32);
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            int i = Integer.parseInt(m.group(1));
            out.append(i < args.size() ? arg(args.get(i), lang) : m.group());
            last = m.end();
        }
        return out.append(template, last, template.length()).toString();
    }

    /** The text in the given language with the arguments filled in. */
    public String render(Lang lang, Object... args) {
        return render(lang, java.util.Arrays.asList(args));
    }

    /**
     * The catalog entry without placeholders whose English is exactly these words, for phrases that come from
     * elsewhere in English (a field's {@code patternInWords} in the snapshot model, a reason the command line's
     * input listing gives). Exact match only; empty when the catalog does not hold the phrase.
     */
    public static Optional<Message> phrase(String english) {
        for (Message m : values()) {
            if (m.en.equals(english) && m.placeholders(Lang.EN).isEmpty()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String arg(Object arg, Lang lang) {
        if (arg instanceof Message m) {
            return m.render(lang, List.of());
        }
        if (arg instanceof Text t) {
            return t.render(lang);
        }
        return String.valueOf(arg);
    }

    /** An immutable copy of the arguments; {@code null} arguments become the text "null". */
    static List<Object> freeze(List<?> args) {
        if (args == null) {
            return List.of();
        }
        return args.stream().map(a -> a == null ? (Object) "null" : a).toList();
    }
}
