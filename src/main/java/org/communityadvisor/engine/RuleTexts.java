package org.communityadvisor.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.communityadvisor.Lang;
import org.communityadvisor.Platform;

/**
 * The rules' texts, read from the properties files beside each rule ({@code size.below-viable/en.properties} and
 * {@code zh.properties}): {@code title}, {@code action}, {@code why}, {@code trigger} for a recommendation,
 * {@code reason} for a stage or suppression rule, and a platform's own wording where a text must differ
 * ({@code action.discord = ...}). Immutable once read.
 */
final class RuleTexts {
    /** A language's file in a rule's folder: {@code en.properties}, {@code zh.properties}. */
    private static final Map<String, Lang> FILES = Map.of("en.properties", Lang.EN, "zh.properties", Lang.ZH);
    private static final Set<String> PLATFORMS = Set.copyOf(Arrays.stream(Platform.values()).map(Platform::json).toList());

    /** The platforms whose advice never names a WeChat-only thing. */
    static final List<Platform> NOT_WECHAT = List.of(Platform.DISCORD, Platform.SLACK, Platform.TELEGRAM, Platform.FORUM);

    /**
     * WeChat-only things: the official account, red packets, Douyin, Xiaohongshu, Moments, live codes, group QR
     * codes, 罗辑思维's 6:20 voice message, WeChat itself.
     */
    static final java.util.regex.Pattern WECHAT_ONLY = java.util.regex.Pattern.compile(
            "公众号|公眾號|红包|紅包|抖音|小红书|小紅書|朋友圈|活码|活碼|二维码|二維碼|微信|6[:：点點]20|六点二十"
            + "|(?i:official account|red packet|red envelope|douyin|xiaohongshu|live code|QR|wechat|mini program)"
            + "|\\bMoments\\b");

    /** A wording variant's name: lower case words joined by hyphens. */
    private static final java.util.regex.Pattern VARIANT = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** By folder: the texts keyed {@code what.lang} or {@code what.lang.platform}. */
    private final Map<String, Map<String, String>> byFolder;
    /** The file each folder's texts came from, by folder and language: where problems are reported. */
    private final Map<String, String> files;
    private final List<String> problems;

    private RuleTexts(Map<String, Map<String, String>> byFolder, Map<String, String> files, List<String> problems) {
        this.byFolder = byFolder;
        this.files = files;
        this.problems = problems;
    }

    /** The texts of every {@code *.properties} file of a rules folder's files. */
    static RuleTexts of(List<RuleBase.Source> sources) {
        Map<String, Map<String, String>> byFolder = new HashMap<>();
        Map<String, String> files = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (RuleBase.Source s : sources) {
            if (s.isDrl()) {
                continue;
            }
            int slash = s.path().lastIndexOf('/');
            String folder = slash < 0 ? "" : s.path().substring(0, slash);
            Lang lang = FILES.get(s.path().substring(slash + 1));
            if (lang == null) {
                problems.add(s.path() + ": a rule's texts are en.properties and zh.properties; rename or remove this file");
                continue;
            }
            Properties p = new Properties();
            try {
                p.load(new StringReader(s.text()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(s.path() + ": not a properties file: " + e.getMessage());
                continue;
            }
            files.put(folder + "/" + lang.json(), s.path());
            Map<String, String> texts = byFolder.computeIfAbsent(folder, f -> new TreeMap<>());
            for (String key : p.stringPropertyNames()) {
                String[] parts = key.split("\\.", -1);
                String value = p.getProperty(key).strip();
                if (parts.length > 2 || !RuleInfo.TEXT_KEYS.contains(parts[0])
                        || (parts.length == 2 && !PLATFORMS.contains(parts[1]) && !VARIANT.matcher(parts[1]).matches())) {
                    problems.add(s.path() + ": '" + key + "' is no rule text: write one of "
                            + String.join(", ", RuleInfo.TEXT_KEYS) + ", or one of them with a platform for that"
                            + " platform's own wording (action.discord; platforms: " + sortedPlatforms() + "), or with"
                            + " one of the rule's @variants (action.livecode)");
                } else if (value.isEmpty()) {
                    problems.add(s.path() + ": '" + key + "' is empty");
                } else {
                    texts.put(parts[0] + "." + lang.json() + (parts.length == 2 ? "." + parts[1] : ""), value);
                }
            }
        }
        return new RuleTexts(byFolder, files, problems);
    }

    private static String sortedPlatforms() {
        return String.join(", ", new java.util.TreeSet<>(PLATFORMS));
    }

    /** The texts of the rule in this folder (empty when it has none). */
    Map<String, String> of(String folder) {
        Map<String, String> t = byFolder.get(folder);
        return t == null ? Map.of() : Map.copyOf(t);
    }

    /**
     * What is wrong with the rules' files: texts that are no rule's; and, when {@code strict} (a rules folder as a
     * consultant writes it, not generated rules), a rule outside the folder named by its id, or a text its kind
     * needs missing in a language.
     */
    List<String> problems(java.util.Collection<RuleInfo> rules, boolean strict) {
        List<String> out = new ArrayList<>(problems);
        Set<String> folders = new java.util.HashSet<>();
        for (RuleInfo r : rules) {
            folders.add(r.folder());
            List<String> needed = switch (r.kind()) {
                case RECOMMENDATION -> List.of("title", "action", "why", "trigger");
                case STAGE, SUPPRESSION -> List.of("reason");
                case OTHER -> List.of();
            };
            if (!strict || needed.isEmpty()) {
                continue;
            }
            String at = r.file() + ":" + r.line() + ": rule \"" + r.name() + "\": ";
            for (String key : new java.util.TreeSet<>(r.meta().keySet())) {
                if (key.matches("(title|action|why|trigger|reason)(En|Zh)")) {
                    String what = key.substring(0, key.length() - 2);
                    out.add(at + "@" + key + ": a rule's texts live in its folder's " + key.substring(key.length() - 2)
                            .toLowerCase(java.util.Locale.ROOT) + ".properties (" + what + " = ...); move it there");
                }
            }
            if (!r.folder().equals(r.name())) {
                out.add(at + "a rule lives in the folder named by its id: move it to " + r.name() + "/rule.drl,"
                        + " with its texts (en.properties, zh.properties) and cases (cases.json) beside it");
                continue;
            }
            List<String> variants = r.variants();
            for (String v : variants) {
                if (PLATFORMS.contains(v) || !VARIANT.matcher(v).matches()) {
                    out.add(at + "@variants: '" + v + "' is no wording variant's name: name the situation in lower case"
                            + " words joined by hyphens, never a platform (platform wordings need no @variants)");
                }
            }
            for (String key : new java.util.TreeSet<>(r.texts().keySet())) {
                String[] parts = key.split("\\.", -1);
                if (parts.length == 3 && !PLATFORMS.contains(parts[2]) && !variants.contains(parts[2])) {
                    out.add(files.getOrDefault(r.folder() + "/" + parts[1], r.folder()) + ": '" + parts[0] + "." + parts[2]
                            + "' is the wording of a variant the rule does not declare: add @variants(\"" + parts[2]
                            + "\") to rule \"" + r.name() + "\", or correct the key");
                }
            }
            for (Lang lang : Lang.values()) {
                String file = files.getOrDefault(r.folder() + "/" + lang.json(), r.folder() + "/" + lang.json() + ".properties");
                for (String what : needed) {
                    if (r.text(what, lang) == null) {
                        out.add(file + ": '" + what + "' is missing: rule \"" + r.name() + "\" needs its " + what
                                + " in " + (lang == Lang.ZH ? "Chinese" : "English"));
                    }
                }
                for (Platform p : NOT_WECHAT) {
                    if (!r.platforms().isEmpty() && !r.platforms().contains(p)) {
                        continue;
                    }
                    for (String what : needed) {
                        String text = what.equals("trigger") ? null : r.text(what, lang, p);
                        java.util.regex.Matcher m = text == null ? null : WECHAT_ONLY.matcher(text);
                        if (m != null && m.find()) {
                            boolean own = r.texts().containsKey(what + "." + lang.json() + "." + p.json());
                            out.add(file + ": '" + what + (own ? "." + p.json() : "") + "' names '" + m.group()
                                    + "', which " + p + " does not have: write " + what + "." + p.json()
                                    + " in its own words (a channel or example that exists there), or limit the rule"
                                    + " with @platforms");
                        }
                        for (String v : variants) {
                            String own = what.equals("trigger") ? null : r.texts().get(what + "." + lang.json() + "." + v);
                            java.util.regex.Matcher vm = own == null ? null : WECHAT_ONLY.matcher(own);
                            if (vm != null && vm.find()) {
                                out.add(file + ": '" + what + "." + v + "' names '" + vm.group() + "', which " + p
                                        + " does not have: word the variant for every platform, or limit the rule"
                                        + " with @platforms");
                            }
                        }
                    }
                }
            }
        }
        for (String folder : new java.util.TreeSet<>(byFolder.keySet())) {
            if (!folders.contains(folder)) {
                out.add(folder + "/: texts, but no rule in this folder (a rule's texts sit beside its rule.drl)");
            }
        }
        return out;
    }
}
